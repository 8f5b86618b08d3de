package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.safeguarding.SafeguardingCheck;
import org.townhall.bot.handoff.HandoffTicket;

/**
 * What the machine does when a resident discloses danger. The help comes first, in every state, and
 * nothing that would trivialise it follows: no "Did that help?", no "didn't understand", no topic
 * answer, no menu. Then, if a person must see it, an urgent handoff to the category's team, flagged
 * as a safeguarding concern and first in the queue; while waiting or with staff, the concern is
 * raised again (the help is the one thing the bot says while a person has the conversation).
 */
@Component
class SafeguardingActions {

  static final String REASON = "safeguarding";

  private final Phrases phrases;
  private final OfficeHours officeHours;
  private final String emergencyDutyTeam;

  SafeguardingActions(Phrases phrases, OfficeHours officeHours, SafeguardingCheck check) {
    this.phrases = phrases;
    this.officeHours = officeHours;
    this.emergencyDutyTeam = check.emergencyDutyTeam();
  }

  /** Guard: a person must see it (the category needs one, or the bot is paused and cannot stay). */
  boolean needsPerson(Turn turn) {
    return turn.disclosure().handoff() || turn.botPaused();
  }

  /** With the bot: the help, then an urgent handoff flagged as a safeguarding concern. */
  void handOff(Turn turn) {
    DialogueActions.resetDialogue(turn);
    Disclosure disclosure = turn.disclosure();
    turn.say(Sender.BOT, disclosure.help(), List.of());
    record(turn);
    boolean open = officeHours.isOpen(turn.now());
    String team = disclosure.handoff() ? disclosure.team() : DialogueActions.DEFAULT_TEAM;
    turn.queue(new HandoffTicket(true, team, null, open ? REASON : REASON + ",out_of_hours", turn.now(),
        disclosure.category()));
    awaitReply(turn.attributes(), turn.now());
    turn.say(Sender.BOT, open ? phrases.get("safeguarding.handoff") : closedLine(turn), List.of());
  }

  /** With the bot, a hazard the council can only signpost (gas, fire, flood, a crime now): the help is the answer. */
  void signpost(Turn turn) {
    DialogueActions.resetDialogue(turn);
    turn.say(Sender.BOT, turn.disclosure().help(), List.of(phrases.get("option.person")));
    record(turn);
  }

  /**
   * Waiting for or with staff: the help again (staff see it was sent), and the concern raised: urgent,
   * first in the queue, to the category's team while nobody has it yet; the console alerts the owner.
   */
  void raise(Turn turn) {
    Disclosure disclosure = turn.disclosure();
    turn.say(Sender.BOT, disclosure.help(), List.of());
    record(turn);
    // Waiting or with staff there is always a ticket; a new one keeps a lost one from hiding the concern.
    HandoffTicket ticket = turn.ticket() != null ? turn.ticket()
        : new HandoffTicket(true, disclosure.team(), null, REASON, turn.now(), disclosure.category());
    boolean unclaimed = turn.owner() == null;
    turn.queue(raisedTicket(ticket, disclosure, unclaimed));
    awaitReply(turn.attributes(), turn.now());
    if (unclaimed) {
      turn.say(Sender.BOT, officeHours.isOpen(turn.now()) ? phrases.get("safeguarding.raised") : closedLine(turn),
          List.of());
    }
  }

  /** Out of hours: when a person will see it, and the emergency duty team's number until then. */
  private String closedLine(Turn turn) {
    return phrases.get("safeguarding.handoff.closed", officeHours.nextOpeningSpoken(turn.now()), emergencyDutyTeam);
  }

  private static void record(Turn turn) {
    recordConcern(turn.attributes(), turn.disclosure().category(), turn.residentSeq(), null, turn.now());
  }

  /**
   * Keeps what staff and the figures need in the dialogue context: the category, the line that raised
   * it (or who marked it), when, and how often. Used for residents' disclosures and staff's marks alike.
   *
   * @param seq the resident's line that raised it, or null when a member of staff marked it
   * @param markedBy the member of staff who marked it, or null
   */
  static void recordConcern(Map<String, String> attributes, String category, Long seq, String markedBy,
      Instant now) {
    attributes.put(Attributes.SAFEGUARDING_CATEGORY, category);
    putOrRemove(attributes, Attributes.SAFEGUARDING_SEQ, seq == null ? null : seq.toString());
    attributes.put(Attributes.SAFEGUARDING_RAISED_AT, now.toString());
    putOrRemove(attributes, Attributes.SAFEGUARDING_MARKED_BY, markedBy);
    int raises = Integer.parseInt(attributes.getOrDefault(Attributes.SAFEGUARDING_RAISES, "0"));
    attributes.put(Attributes.SAFEGUARDING_RAISES, Integer.toString(raises + 1));
  }

  /** The ticket raised as a concern: urgent and first, for the category's team while nobody has it. */
  static HandoffTicket raisedTicket(HandoffTicket ticket, Disclosure disclosure, boolean unclaimed) {
    return ticket.raised(disclosure.category(),
        unclaimed && disclosure.handoff() ? disclosure.team() : ticket.team());
  }

  /** From now until staff's next reply counts as the time to first response, if a person will see it. */
  static void awaitReply(Map<String, String> attributes, Instant now) {
    attributes.putIfAbsent(Attributes.SAFEGUARDING_AWAITING_REPLY, now.toString());
  }

  private static void putOrRemove(Map<String, String> attributes, String key, String value) {
    if (value == null) {
      attributes.remove(key);
    } else {
      attributes.put(key, value);
    }
  }
}
