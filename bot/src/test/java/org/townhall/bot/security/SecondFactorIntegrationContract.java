package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.AuthenticatorApp;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/**
 * Two-step sign-in for local accounts through the real HTTP API, with the codes an authenticator app
 * makes from the secret by the real clock: enrolling from the console, the code after the password,
 * a code good once, wrong codes counted as failed sign-ins, and an administrator requiring it of everyone
 * and resetting a member's. Run on each store.
 */
abstract class SecondFactorIntegrationContract {

  private static final AtomicInteger MEMBERS = new AtomicInteger();
  private static final String PASSWORD = "member-password-12";

  abstract BotInstance bot();

  /** Three attempts per user name, so that the test can use them up. */
  static String[] settings(String... more) {
    List<String> all = new ArrayList<>(List.of("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        "townhall.limits.sign-ins-per-user.count=3"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @Test
  void aMemberEnrolsFromTheConsoleAndFromThenOnGivesACodeAfterThePassword() {
    String name = newMember();
    StaffClient member = signedIn(name);
    assertThat(member.get("/me/second-factor").json().toString())
        .isEqualTo("{\"available\":true,\"enrolled\":false,\"required\":false}");
    JsonNode offer = member.post("/me/second-factor/enrolment").json();
    String secret = offer.path("secret").asText();
    assertThat(secret).matches("[A-Z2-7]{32}");
    assertThat(offer.path("uri").asText()).isEqualTo("otpauth://totp/Townhall:" + name + "?secret=" + secret
        + "&issuer=Townhall&algorithm=SHA1&digits=6&period=30");
    assertThat(offer.path("qrCode").asText()).startsWith("data:image/svg+xml;base64,");

    Reply wrong = member.postJson("/me/second-factor", Map.of("code", otherThan(AuthenticatorApp.code(secret))));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(member.postJson("/me/second-factor", Map.of("code", AuthenticatorApp.code(secret))).json()
        .path("enrolled").asBoolean()).isTrue();
    member.signOut();

    StaffClient again = new StaffClient(bot().port());
    Reply password = again.signIn(name, PASSWORD);
    assertThat(password.raw().headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/console/code.html"));
    assertThat(again.get("/me").status()).as("signed in nowhere until the code").isEqualTo(401);
    assertThat(again.get("/queue").status()).isEqualTo(401);
    assertThat(again.send(again.request("/api/console/sign-in/code").GET()).json().toString())
        .isEqualTo("{\"waiting\":true}");

    Reply code = again.enterCode(AuthenticatorApp.code(secret));

    assertThat(code.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    assertThat(again.get("/me").json().path("username").asText()).isEqualTo(name);
    assertThat(again.get("/queue").status()).isEqualTo(200);
    assertThat(actionsOf(name)).containsExactly("sign-in: with a one-time code, from 127.0.0.1",
        "enrol second factor", "sign-in: from 127.0.0.1");
  }

  @Test
  void aCodeIsGoodOnlyOnce() {
    String name = newMember();
    String secret = enrol(name);
    StaffClient first = new StaffClient(bot().port());
    first.signIn(name, PASSWORD);
    String code = AuthenticatorApp.code(secret);
    assertThat(first.enterCode(code).raw().headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/console/"));

    StaffClient onlooker = new StaffClient(bot().port());
    onlooker.signIn(name, PASSWORD);
    Reply replayed = onlooker.enterCode(code);

    assertThat(replayed.raw().headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/console/code.html?error"));
    assertThat(onlooker.get("/me").status()).isEqualTo(401);
    assertThat(actionsOf(name)).first().isEqualTo("sign-in-failed: one-time code used before, from 127.0.0.1");
  }

  @Test
  void wrongCodesAreFailedSignInsThatUseUpTheUserNamesAttempts() {
    String name = newMember();
    String secret = enrol(name);
    StaffClient guesser = new StaffClient(bot().port());
    guesser.signIn(name, PASSWORD);
    String right = AuthenticatorApp.code(secret);
    for (int i = 0; i < 3; i++) {
      assertThat(guesser.enterCode(otherThan(right)).raw().headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/console/code.html?error"));
    }

    Reply refused = guesser.enterCode(right);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("error").asText()).isEqualTo(SignInAttempts.REFUSED);
    assertThat(guesser.get("/me").status()).isEqualTo(401);
    assertThat(new StaffClient(bot().port()).signIn(name, PASSWORD).status()).as("the password too, for now")
        .isEqualTo(429);
    assertThat(actionsOf(name)).startsWith("sign-in-refused: too many attempts for this user name, from 127.0.0.1",
        "sign-in-refused: too many attempts for this user name, from 127.0.0.1",
        "sign-in-failed: wrong one-time code, from 127.0.0.1", "sign-in-failed: wrong one-time code, from 127.0.0.1",
        "sign-in-failed: wrong one-time code, from 127.0.0.1");
  }

  @Test
  void anAdministratorRequiresItOfEveryoneWhoThenEnrolsAtSignInAndResetsAMembersAudited() {
    StaffClient admin = admin();
    String name = newMember();
    try {
      assertThat(admin.postJson("/admin/second-factor", Map.of("required", true)).json().path("required").asBoolean())
          .isTrue();
      StaffClient member = new StaffClient(bot().port());
      assertThat(member.signIn(name, PASSWORD).raw().headers().firstValue("Location")).hasValueSatisfying(
          l -> assertThat(l).endsWith("/console/code.html"));
      JsonNode page = member.send(member.request("/api/console/sign-in/code").GET()).json();
      assertThat(page.path("waiting").asBoolean()).isTrue();
      String secret = page.path("enrolment").path("secret").asText();
      assertThat(member.send(member.request("/api/console/sign-in/code").GET()).json().path("enrolment")
          .path("secret").asText()).as("the same secret on a reload").isEqualTo(secret);

      assertThat(member.enterCode(AuthenticatorApp.code(secret)).raw().headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
      assertThat(member.get("/me/second-factor").json().toString())
          .isEqualTo("{\"available\":true,\"enrolled\":true,\"required\":true}");
      assertThat(admin.account(name).path("secondFactor").asBoolean()).isTrue();

      assertThat(admin.postJson("/admin/second-factor/reset", Map.of("username", name)).status()).isEqualTo(200);
      assertThat(admin.account(name).path("secondFactor").asBoolean()).isFalse();
      assertThat(admin.postJson("/admin/second-factor/reset", Map.of("username", "nobody-" + name)).status())
          .isEqualTo(404);
      StaffClient later = new StaffClient(bot().port());
      later.signIn(name, PASSWORD);
      assertThat(later.send(later.request("/api/console/sign-in/code").GET()).json().path("enrolment").path("secret")
          .asText()).as("enrols again, with a new secret").matches("[A-Z2-7]{32}").isNotEqualTo(secret);
    } finally {
      admin.postJson("/admin/second-factor", Map.of("required", false));
    }
    assertThat(actionsOf("admin")).contains("stop requiring second factor", "reset second factor: " + name,
        "require second factor");
    assertThat(actionsOf(name)).contains("enrol second factor: at sign-in");
    assertThat(new StaffClient(bot().port()).signIn(name, PASSWORD).raw().headers().firstValue("Location"))
        .as("no longer required, not enrolled").hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
  }

  @Test
  void theCodePageWithoutAPasswordFirstSendsBackToTheStart() {
    StaffClient stranger = new StaffClient(bot().port());
    assertThat(stranger.send(stranger.request("/api/console/sign-in/code").GET()).json().toString())
        .isEqualTo("{\"waiting\":false}");

    Reply code = stranger.enterCode("123456");

    assertThat(code.raw().headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/console/login.html?expired"));
    assertThat(stranger.get("/me").status()).isEqualTo(401);
  }

  private StaffClient admin() {
    StaffClient admin = new StaffClient(bot().port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).raw().headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    return admin;
  }

  private String newMember() {
    String name = "member-" + MEMBERS.incrementAndGet();
    assertThat(admin().postJson("/admin/staff", Map.of("username", name, "password", PASSWORD, "roles",
        List.of("AGENT"))).status()).isEqualTo(200);
    return name;
  }

  private StaffClient signedIn(String name) {
    StaffClient member = new StaffClient(bot().port());
    assertThat(member.signIn(name, PASSWORD).raw().headers().firstValue("Location")).hasValueSatisfying(
        l -> assertThat(l).endsWith("/console/"));
    return member;
  }

  /** Enrols from the console; returns the secret. */
  private String enrol(String name) {
    StaffClient member = signedIn(name);
    String secret = member.post("/me/second-factor/enrolment").json().path("secret").asText();
    assertThat(member.postJson("/me/second-factor", Map.of("code", AuthenticatorApp.code(secret))).status())
        .isEqualTo(200);
    member.signOut();
    return secret;
  }

  /** A six-digit code that is not {@code code}. */
  private static String otherThan(String code) {
    return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
  }


  private List<String> actionsOf(String actor) {
    return admin().auditOf(actor);
  }
}
