package org.townhall.bot.store;

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
 */
public record HandoffTicket(boolean urgent, String team, String topic, String reason, Instant waitingSince) {

  /** Sort key: urgent tickets before all others, then by arrival. */
  public double queueScore() {
    long millis = waitingSince.toEpochMilli();
    return urgent ? millis : millis + URGENT_HEAD_START_MILLIS;
  }

  // About 3,000 years: any urgent ticket sorts before any normal one.
  private static final long URGENT_HEAD_START_MILLIS = 100_000_000_000_000L;
}
