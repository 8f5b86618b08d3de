package org.townhall.bot.collection;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * When an address's bins are collected: one round, on one day of the week, with what goes out in
 * ISO-odd and ISO-even weeks (see {@link #weekPattern()}). The two lists differ for a round that
 * alternates, e.g. recycling every week with general waste in odd weeks and garden waste in even
 * ones; an empty list means no collection in those weeks.
 *
 * @param round the council's name for the round, e.g. "CF10-TUE"
 * @param day the collection day
 * @param oddWeekBins what goes out in weeks with an odd ISO week number, as it reads in a sentence
 * @param evenWeekBins what goes out in weeks with an even ISO week number
 */
public record CollectionSchedule(
    String round, DayOfWeek day, List<String> oddWeekBins, List<String> evenWeekBins) {

  // The same in the content pack's bin answer; a council-wide time, so not per round.
  private static final String PUT_OUT_BY = "7am";
  private static final LocalTime PUT_OUT_TIME = LocalTime.of(7, 0);
  private static final DateTimeFormatter DAY_AND_DATE =
      DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.UK);
  private static final DateTimeFormatter DAY_DATE_AND_YEAR =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

  public CollectionSchedule {
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(day, "day");
    oddWeekBins = List.copyOf(oddWeekBins);
    evenWeekBins = List.copyOf(evenWeekBins);
    if (oddWeekBins.isEmpty() && evenWeekBins.isEmpty()) {
      throw new IllegalArgumentException("Round " + round + " never collects anything");
    }
  }

  /**
   * The same bins on every collection.
   *
   * @param weekPattern "weekly", "fortnightly-odd" (weeks with an odd ISO week number) or
   *     "fortnightly-even"
   * @param bins what goes out on each collection
   * @throws IllegalArgumentException for any other week pattern
   */
  public CollectionSchedule(String round, DayOfWeek day, String weekPattern, List<String> bins) {
    this(round, day, binsIf(pattern(weekPattern).includesOddWeeks(), bins),
        binsIf(pattern(weekPattern).includesEvenWeeks(), bins));
  }

  /**
   * "weekly" when there is a collection every week (even if what goes out alternates),
   * "fortnightly-odd" or "fortnightly-even" when only in weeks with an odd or even ISO week number.
   */
  public String weekPattern() {
    WeekPattern pattern = oddWeekBins.isEmpty()
        ? WeekPattern.FORTNIGHTLY_EVEN
        : evenWeekBins.isEmpty() ? WeekPattern.FORTNIGHTLY_ODD : WeekPattern.WEEKLY;
    return pattern.label();
  }

  /** Every kind of bin the round collects, in the council's order. */
  public List<String> bins() {
    LinkedHashSet<String> all = new LinkedHashSet<>(oddWeekBins);
    all.addAll(evenWeekBins);
    return List.copyOf(all);
  }

  /** What goes out on that date: empty if it is not a collection day. */
  public List<String> binsOn(LocalDate date) {
    if (date.getDayOfWeek() != day) {
      return List.of();
    }
    return WeekPattern.isOddWeek(date) ? oddWeekBins : evenWeekBins;
  }

  /** The next collection on or after today: today counts if it is a collection day. */
  public LocalDate nextCollection(LocalDate today) {
    LocalDate date = today.with(TemporalAdjusters.nextOrSame(day));
    // Each parity comes round within two weeks; a 53-week year only brings an odd week sooner.
    while (binsOn(date).isEmpty()) {
      date = date.plusWeeks(1);
    }
    return date;
  }

  /**
   * A plain-English answer, e.g. "Your bins are collected on Tuesdays. Your next collection is
   * Tuesday 1 December: recycling and food waste. Put your bins out by 7am." For a round whose
   * bins alternate, it also names the collection after the next.
   */
  public String describe(LocalDate today) {
    return describe(today.atStartOfDay());
  }

  /**
   * As {@link #describe(LocalDate)}, knowing the time: on a collection day after the put-out time,
   * "today" would mislead someone whose bins are still in, so the answer names the next one.
   */
  public String describe(LocalDateTime now) {
    LocalDate today = now.toLocalDate();
    String dayName = day.getDisplayName(TextStyle.FULL, Locale.UK);
    StringBuilder text = new StringBuilder("Your bins are collected ")
        .append(weekPattern().equals("weekly") ? "on " + dayName + "s" : "every other " + dayName)
        .append(". ");
    LocalDate next = nextCollection(today);
    if (next.equals(today) && now.toLocalTime().isAfter(PUT_OUT_TIME)) {
      next = nextCollection(today.plusDays(1));
      text.append("Today's collection started at ").append(PUT_OUT_BY)
          .append(", so if your bins were not out in time, your next collection is ");
    } else {
      text.append("Your next collection is ").append(next.equals(today) ? "today, " : "");
    }
    text.append(date(next, today)).append(": ").append(list(binsOn(next))).append(". ");
    if (!oddWeekBins.isEmpty() && !evenWeekBins.isEmpty() && !oddWeekBins.equals(evenWeekBins)) {
      LocalDate after = nextCollection(next.plusDays(1));
      text.append("The collection after that is ")
          .append(date(after, today)).append(": ").append(list(binsOn(after))).append(". ");
    }
    return text.append("Put your bins out by ").append(PUT_OUT_BY).append(".").toString();
  }

  private static String date(LocalDate date, LocalDate today) {
    return (date.getYear() == today.getYear() ? DAY_AND_DATE : DAY_DATE_AND_YEAR).format(date);
  }

  /** "recycling", "recycling and food waste", "recycling, food waste and general waste". */
  private static String list(List<String> items) {
    if (items.size() == 1) {
      return items.get(0);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and " + items.get(items.size() - 1);
  }

  private static WeekPattern pattern(String weekPattern) {
    return WeekPattern.fromLabel(Objects.requireNonNull(weekPattern, "weekPattern"))
        .orElseThrow(() -> new IllegalArgumentException("Unknown week pattern '" + weekPattern
            + "': use weekly, fortnightly-odd or fortnightly-even"));
  }

  private static List<String> binsIf(boolean collected, List<String> bins) {
    return collected ? bins : List.of();
  }
}
