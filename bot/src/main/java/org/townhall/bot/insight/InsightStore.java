package org.townhall.bot.insight;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/**
 * Where the per-day counters are kept: one set of named counters per day, each day deleted after
 * the retention period; and the short-lived, hashed repeat-contact marks.
 */
interface InsightStore {

  /** Adds {@code increments} to the day's counters (created on first use). */
  void add(LocalDate day, Map<String, Long> increments);

  /** The day's counters by name; empty for a day with none (or one past its retention). */
  Map<String, Long> day(LocalDate day);

  /**
   * Marks that the contact {@code contact} (a hash) asked about what {@code mark} (a hash of the
   * resident and the topic) names, for {@code window}, and says whether another contact had marked
   * it within that window: a repeat contact.
   */
  boolean markRepeat(String mark, String contact, Duration window);

  /**
   * A secret mixed into the marks' hashes, made once and kept as long as the marks can be, so that a
   * mark cannot be traced back to a chat id by hashing every possible one.
   */
  String salt();
}
