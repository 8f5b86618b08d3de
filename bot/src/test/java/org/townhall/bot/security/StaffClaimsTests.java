package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a sign-in through the council's identity provider makes of the claims, as configured. */
class StaffClaimsTests {

  private static final List<OidcProperties.Grant> GRANTS = List.of(
      new OidcProperties.Grant("Townhall.Agent", List.of("AGENT"), List.of()),
      new OidcProperties.Grant("Townhall.Supervisor", List.of("AGENT", "SUPERVISOR"), null),
      new OidcProperties.Grant("Townhall.CouncilTax", null, List.of("council-tax")),
      new OidcProperties.Grant("5f1c3e0a-0000-4000-8000-00000000beef", List.of(), List.of("housing")));

  private final StaffClaims claims = new StaffClaims(settings(List.of("roles", "groups")));

  private static OidcProperties settings(List<String> claimNames) {
    return new OidcProperties(true, "Microsoft", URI.create("https://login.example/t/v2.0"), "client", "secret",
        claimNames, GRANTS, "name", "preferred_username", true);
  }

  @Test
  void grantsTheRolesAndTeamsOfEveryValueInEveryConfiguredClaim() {
    var staff = claims.read(Map.of("preferred_username", "Sam.Jones@Council.gov.uk", "name", "Sam Jones",
        "roles", List.of("Townhall.Supervisor", "Townhall.CouncilTax", "Something.Else"),
        "groups", List.of("5f1c3e0a-0000-4000-8000-00000000beef")));

    assertThat(staff).isEqualTo(new StaffClaims.Staff("sam.jones@council.gov.uk", "Sam Jones",
        List.of("AGENT", "SUPERVISOR"), List.of("council-tax", "housing")));
  }

  @Test
  void readsOnlyTheClaimsItIsToldTo() {
    var rolesOnly = new StaffClaims(settings(List.of("roles")));

    var staff = rolesOnly.read(Map.of("preferred_username", "ann", "roles", "Townhall.Agent",
        "groups", List.of("5f1c3e0a-0000-4000-8000-00000000beef")));

    assertThat(staff.roles()).containsExactly("AGENT");
    assertThat(staff.teams()).isEmpty();
  }

  @Test
  void refusesSomeoneNoValueGivesARoleEvenWithATeam() {
    assertThatThrownBy(() -> claims.read(Map.of("preferred_username", "ann", "roles", List.of("Townhall.CouncilTax"))))
        .isInstanceOfSatisfying(SingleSignOnRefused.class, refused -> {
          assertThat(refused.reason).isEqualTo(SingleSignOnRefused.Reason.NO_ROLE);
          assertThat(refused.username).isEqualTo("ann");
        });
    assertThatThrownBy(() -> claims.read(Map.of("preferred_username", "ann")))
        .isInstanceOfSatisfying(SingleSignOnRefused.class,
            refused -> assertThat(refused.reason).isEqualTo(SingleSignOnRefused.Reason.NO_ROLE));
  }

  @Test
  void refusesAUserNameThatCouldNotNameAPersonInTheStore() {
    for (Object odd : new Object[] {null, "", "a", "ann smith", "ann:*", "x".repeat(101), "ann\r\nDEL", List.of("ann"),
        "🙂@council.gov.uk"}) {
      Map<String, Object> given = new java.util.HashMap<>(Map.of("roles", List.of("Townhall.Agent")));
      given.put("preferred_username", odd);
      assertThatThrownBy(() -> claims.read(given)).as("%s", odd).isInstanceOfSatisfying(SingleSignOnRefused.class,
          refused -> assertThat(refused.reason).isEqualTo(SingleSignOnRefused.Reason.NO_USERNAME));
    }
  }

  @Test
  void keepsOnlyPlainWordsOfTheNameResidentsSee() {
    var staff = claims.read(Map.of("preferred_username", "ann", "roles", List.of("Townhall.Agent"),
        "name", "  Ann <b>O'Neil</b>-Smith 🙂 " + "x".repeat(60)));

    assertThat(staff.displayName()).isEqualTo("Ann bO'Neilb-Smith " + "x".repeat(21));
    assertThat(claims.read(Map.of("preferred_username", "ann", "roles", List.of("Townhall.Agent"), "name", "<>"))
        .displayName()).isNull();
  }
}
