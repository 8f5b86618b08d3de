package org.townhall.bot.security;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Who a person signed in through the council's identity provider is to Townhall, read from their
 * claims as {@code townhall.security.oidc.*} says: their user name, the name residents see, and the
 * roles and teams their claim values are granted.
 */
final class StaffClaims {

  /**
   * What a user name from the provider may be once lower-cased: an e-mail address or a plain name. It
   * names the person's lock in the store and their line in the audit log, so nothing else gets in.
   */
  static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@'+-]{1,99}");
  private static final int LONGEST_DISPLAY_NAME = 40;

  /** A member of staff as the provider's claims describe them. */
  record Staff(String username, String displayName, List<String> roles, List<String> teams) {}

  private final OidcProperties settings;

  StaffClaims(OidcProperties settings) {
    this.settings = settings;
  }

  /**
   * @throws SingleSignOnRefused when the claims name nobody Townhall can use, or grant no role
   */
  Staff read(Map<String, Object> claims) {
    String username = text(claims.get(settings.usernameClaim())).toLowerCase(Locale.ROOT);
    if (!USERNAME.matcher(username).matches()) {
      throw new SingleSignOnRefused(SingleSignOnRefused.Reason.NO_USERNAME, username);
    }
    Set<String> values = new TreeSet<>();
    for (String claim : settings.claims()) {
      values.addAll(values(claims.get(claim)));
    }
    Set<String> roles = new TreeSet<>();
    Set<String> teams = new TreeSet<>();
    for (OidcProperties.Grant grant : settings.grants()) {
      if (values.contains(grant.claimValue())) {
        roles.addAll(grant.roles());
        teams.addAll(grant.teams());
      }
    }
    if (roles.isEmpty()) {
      throw new SingleSignOnRefused(SingleSignOnRefused.Reason.NO_ROLE, username);
    }
    return new Staff(username, displayName(claims.get(settings.nameClaim())), List.copyOf(roles), List.copyOf(teams));
  }

  /** A claim's values: each of an array's, or a single one's. */
  private static Set<String> values(Object claim) {
    if (claim instanceof Collection<?> many) {
      return many.stream().filter(String.class::isInstance).map(v -> ((String) v).strip()).collect(Collectors.toSet());
    }
    return claim instanceof String one ? Set.of(one.strip()) : Set.of();
  }

  private static String text(Object claim) {
    return claim instanceof String s ? s.strip() : "";
  }

  /** Residents see it: letters, spaces and . ' - only (as an administrator may type it), at most 40. */
  private static String displayName(Object claim) {
    String name = text(claim).replaceAll("[^\\p{L} .'-]", "").replaceAll("\\s+", " ").strip();
    name = name.length() > LONGEST_DISPLAY_NAME ? name.substring(0, LONGEST_DISPLAY_NAME).strip() : name;
    return name.isEmpty() ? null : name;
  }
}
