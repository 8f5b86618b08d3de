package org.townhall.bot.store;

import java.util.List;

/**
 * A member of staff's sign-in account, shared by every bot instance.
 *
 * @param username unique, as typed at sign-in (or as the council's identity provider names them)
 * @param passwordHash the password encoder's output ({@code {bcrypt}…}); never the password; null for
 *     an account that signs in only through the council's identity provider
 * @param roles AGENT, EDITOR and/or ADMIN
 * @param teams the teams whose queues they work (empty: all)
 * @param enabled false to stop someone signing in without deleting their history
 * @param displayName the name residents see ("Sam"), or null to show the user name
 * @param issuer the OpenID Connect issuer this account signs in through (single sign-on: its roles,
 *     teams and name come from there at each sign-in), or null for a local account with a password
 * @param secondFactorSecret the Base32 secret of the member's authenticator app (RFC 6238), or null
 *     while they have not enrolled; never shown after enrolment, never logged
 */
public record StaffAccount(String username, String passwordHash, List<String> roles, List<String> teams,
    boolean enabled, String displayName, String issuer, String secondFactorSecret) {

  public StaffAccount {
    roles = roles == null ? List.of() : List.copyOf(roles);
    teams = teams == null ? List.of() : List.copyOf(teams);
    displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
  }

  /** A local account whose display name is its user name. */
  public StaffAccount(String username, String passwordHash, List<String> roles, List<String> teams, boolean enabled) {
    this(username, passwordHash, roles, teams, enabled, null);
  }

  /** A local account without a second factor. */
  public StaffAccount(String username, String passwordHash, List<String> roles, List<String> teams, boolean enabled,
      String displayName) {
    this(username, passwordHash, roles, teams, enabled, displayName, null, null);
  }

  /** The name residents see. */
  public String shownName() {
    return displayName != null ? displayName : username;
  }

  /** Whether this account signs in through the council's identity provider instead of a password. */
  public boolean signsInWithSingleSignOn() {
    return issuer != null;
  }

  /** Whether the member of staff has enrolled an authenticator app. */
  public boolean enrolledSecondFactor() {
    return secondFactorSecret != null;
  }

  /** The same account with this second-factor secret (null: not enrolled). */
  public StaffAccount withSecondFactor(String secret) {
    return new StaffAccount(username, passwordHash, roles, teams, enabled, displayName, issuer, secret);
  }

  /** Never the password hash or the second-factor secret (e.g. in a log line or a failed assertion). */
  @Override
  public String toString() {
    return "StaffAccount[username=" + username + ", roles=" + roles + ", teams=" + teams + ", enabled=" + enabled
        + ", displayName=" + displayName + ", issuer=" + issuer + ", secondFactor=" + enrolledSecondFactor() + "]";
  }
}
