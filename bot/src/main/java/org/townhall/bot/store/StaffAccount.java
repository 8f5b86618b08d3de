package org.townhall.bot.store;

import java.util.List;

/**
 * A member of staff's sign-in account, shared by every bot instance.
 *
 * @param username unique, as typed at sign-in
 * @param passwordHash the password encoder's output ({@code {bcrypt}…}); never the password
 * @param roles AGENT, EDITOR and/or ADMIN
 * @param teams the teams whose queues they work (empty: all)
 * @param enabled false to stop someone signing in without deleting their history
 * @param displayName the name residents see ("Sam"), or null to show the user name
 */
public record StaffAccount(String username, String passwordHash, List<String> roles, List<String> teams,
    boolean enabled, String displayName) {

  public StaffAccount {
    roles = roles == null ? List.of() : List.copyOf(roles);
    teams = teams == null ? List.of() : List.copyOf(teams);
    displayName = displayName == null || displayName.isBlank() ? null : displayName.strip();
  }

  /** An account whose display name is its user name. */
  public StaffAccount(String username, String passwordHash, List<String> roles, List<String> teams, boolean enabled) {
    this(username, passwordHash, roles, teams, enabled, null);
  }

  /** The name residents see. */
  public String shownName() {
    return displayName != null ? displayName : username;
  }
}
