package org.townhall.bot.console;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.townhall.bot.conversation.HandlingHistory;
import org.townhall.bot.security.Roles;
import org.townhall.bot.store.StaffStore;

/**
 * Which teams' conversations a member of staff finds in the console's lists (the call-back list and
 * search): supervisors and administrators every team's; an agent their own teams' (every team's when
 * their account names none). One rule, so the lists cannot drift apart.
 *
 * @param username who is asking
 * @param everything a supervisor or administrator
 * @param teams their account's teams (empty: every team)
 */
record StaffScope(String username, boolean everything, List<String> teams) {

  private static final Set<String> SEE_ALL = Set.of("ROLE_" + Roles.SUPERVISOR, "ROLE_" + Roles.ADMIN);

  static StaffScope of(Authentication user, StaffStore staff) {
    boolean everything = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .anyMatch(SEE_ALL::contains);
    List<String> own = staff.account(user.getName()).map(a -> a.teams()).orElse(List.of());
    return new StaffScope(user.getName(), everything, own);
  }

  /** Whether work for this team is theirs (a call-back left for it, a search narrowed to it). */
  boolean covers(String team) {
    return everything || teams.isEmpty() || teams.contains(team);
  }

  /**
   * Whether search finds a conversation that went through this: one that reached their teams, or that
   * they had themselves; never, for an agent, one that stayed with the bot.
   */
  boolean finds(HandlingHistory history) {
    if (everything || history.staff().contains(username)) {
      return true;
    }
    return teams.isEmpty() ? !history.teams().isEmpty() : history.reachedAnyOf(teams);
  }
}
