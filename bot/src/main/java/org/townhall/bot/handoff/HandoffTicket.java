package org.townhall.bot.handoff;

import java.time.Instant;

/**
 * Why and since when a conversation waits for (or is with) a member of staff. A conversation with a
 * ticket is in the handoff queue, ordered urgent first, then longest waiting.
 *
 * @param urgent priority: the topic may put someone at risk
 * @param team the team that should take it
 * @param topic the intent that led here, or null
 * @param reason why the bot handed off, e.g. {@code asked_for_person}
 * @param waitingSince when the resident started waiting
 * @param safeguarding the safeguarding category raised on the conversation (e.g.
 *     {@code domestic_abuse}), or null: such a ticket is urgent and goes before every other
 */
public record HandoffTicket(boolean urgent, String team, String topic, String reason, Instant waitingSince,
    String safeguarding) {

  public HandoffTicket {
    urgent = urgent || safeguarding != null;
  }

  /** A ticket without a safeguarding concern. */
  public HandoffTicket(boolean urgent, String team, String topic, String reason, Instant waitingSince) {
    this(urgent, team, topic, reason, waitingSince, null);
  }

  /** Sort key: safeguarding concerns first, then other urgent tickets, then the rest; each by arrival. */
  public double queueScore() {
    long millis = waitingSince.toEpochMilli();
    if (safeguarding != null) {
      return millis - URGENT_HEAD_START_MILLIS;
    }
    return urgent ? millis : millis + URGENT_HEAD_START_MILLIS;
  }

  /** This ticket raised as a safeguarding concern (urgent, first in the queue) for another team. */
  public HandoffTicket raised(String category, String newTeam) {
    return new HandoffTicket(true, newTeam, topic, reason, waitingSince, category);
  }

  /** This ticket with no safeguarding concern (staff cleared it); urgent only if its topic is. */
  public HandoffTicket cleared(boolean topicUrgent) {
    return new HandoffTicket(topicUrgent, team, topic, reason, waitingSince, null);
  }

  // About 3,000 years: any urgent ticket sorts before any normal one.
  private static final long URGENT_HEAD_START_MILLIS = 100_000_000_000_000L;
}
