package org.townhall.bot.collection;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Locale;
import java.util.Optional;

/**
 * Which weeks a collection happens in, by the parity of the ISO-8601 week number (weeks start on
 * Monday; week 1 is the one with the year's first Thursday). A year with 53 weeks ends with an odd
 * week, and the next starts with week 1, so "fortnightly-odd" then collects two weeks running and
 * "fortnightly-even" waits three: councils that keep a strict fortnight across such a year change
 * their file for the new year, as they already do around bank holidays.
 */
enum WeekPattern {
  WEEKLY("weekly"),
  FORTNIGHTLY_ODD("fortnightly-odd"),
  FORTNIGHTLY_EVEN("fortnightly-even");

  private final String label;

  WeekPattern(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }

  static Optional<WeekPattern> fromLabel(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (WeekPattern pattern : values()) {
      if (pattern.label.equals(wanted)) {
        return Optional.of(pattern);
      }
    }
    return Optional.empty();
  }

  static boolean isOddWeek(LocalDate date) {
    return date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) % 2 == 1;
  }

  boolean includesOddWeeks() {
    return this != FORTNIGHTLY_EVEN;
  }

  boolean includesEvenWeeks() {
    return this != FORTNIGHTLY_ODD;
  }
}
