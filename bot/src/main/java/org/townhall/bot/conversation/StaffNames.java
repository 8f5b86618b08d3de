package org.townhall.bot.conversation;

import java.util.Locale;
import org.springframework.stereotype.Component;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;

/**
 * How a member of staff is named to residents: their display name (not their user name) and the team
 * the conversation is with, e.g. "Sam, Council tax team".
 */
@Component
class StaffNames {

  private final StaffStore staff;

  StaffNames(StaffStore staff) {
    this.staff = staff;
  }

  /** The name residents see for this member of staff. */
  String name(String username) {
    return staff.account(username).map(StaffAccount::shownName).orElse(username);
  }

  /** "Sam, Council tax team", or just "Sam" without a team. */
  String signature(String username, HandoffTicket ticket) {
    String name = name(username);
    if (ticket == null || ticket.team() == null) {
      return name;
    }
    String team = teamWords(ticket.team());
    return name + ", " + Character.toUpperCase(team.charAt(0)) + team.substring(1) + " team";
  }

  /** "council-tax" as said in a sentence: "council tax". */
  static String teamWords(String team) {
    return team.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
  }
}
