package org.townhall.bot.collection;

import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Dates are fixed. ISO weeks used: 2025-W52 (Tue 23 Dec 2025), 2026-W01 (Tue 30 Dec 2025),
 * 2026-W02 (Tue 6 Jan 2026), 2026-W48 (Tue 24 Nov 2026), 2026-W49 (Tue 1 Dec 2026), 2026-W52
 * (Tue 22 Dec 2026), 2026-W53 (Tue 29 Dec 2026: 2026 has 53 weeks), 2027-W01 (Tue 5 Jan 2027),
 * 2027-W02 (Tue 12 Jan 2027).
 */
class CollectionScheduleTests {

  private static final List<String> RECYCLING = List.of("recycling", "food waste");

  private static final CollectionSchedule WEEKLY =
      new CollectionSchedule("R1", TUESDAY, "weekly", RECYCLING);
  private static final CollectionSchedule ODD_WEEKS =
      new CollectionSchedule("R2", TUESDAY, "fortnightly-odd", List.of("general waste"));
  private static final CollectionSchedule EVEN_WEEKS =
      new CollectionSchedule("R3", TUESDAY, "fortnightly-even", List.of("general waste"));
  private static final CollectionSchedule ALTERNATING = new CollectionSchedule("R4", TUESDAY,
      List.of("recycling", "food waste", "general waste"),
      List.of("recycling", "food waste", "garden waste"));

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void countsTodayWhenItIsACollectionDay() {
    assertThat(WEEKLY.nextCollection(date("2026-12-01"))).isEqualTo(date("2026-12-01"));
    assertThat(ODD_WEEKS.nextCollection(date("2026-12-01"))).isEqualTo(date("2026-12-01"));
  }

  @Test
  void doesNotCountTodayWhenItIsTheDayButNotTheWeek() {
    assertThat(EVEN_WEEKS.nextCollection(date("2026-12-01"))).isEqualTo(date("2026-12-08"));
  }

  @Test
  void findsTheNextCollectionDayLaterInTheWeekOrTheNextWeek() {
    assertThat(WEEKLY.nextCollection(date("2026-11-23"))).isEqualTo(date("2026-11-24"));
    assertThat(WEEKLY.nextCollection(date("2026-11-25"))).isEqualTo(date("2026-12-01"));
    assertThat(ODD_WEEKS.nextCollection(date("2026-11-23"))).isEqualTo(date("2026-12-01"));
    assertThat(EVEN_WEEKS.nextCollection(date("2026-11-23"))).isEqualTo(date("2026-11-24"));
  }

  @Test
  void usesTheIsoWeekNotTheCalendarYearAcrossNewYear() {
    // Tue 30 Dec 2025 is in week 1 of 2026, so it is an odd week.
    assertThat(ODD_WEEKS.nextCollection(date("2025-12-24"))).isEqualTo(date("2025-12-30"));
    assertThat(EVEN_WEEKS.nextCollection(date("2025-12-24"))).isEqualTo(date("2026-01-06"));
  }

  @Test
  void collectsOddWeeksTwiceRunningAfterA53WeekYear() {
    assertThat(ODD_WEEKS.nextCollection(date("2026-12-23"))).isEqualTo(date("2026-12-29"));
    assertThat(ODD_WEEKS.nextCollection(date("2026-12-30"))).isEqualTo(date("2027-01-05"));
    assertThat(EVEN_WEEKS.nextCollection(date("2026-12-23"))).isEqualTo(date("2027-01-12"));
  }

  @Test
  void namesTheBinsOfThatWeekWhenTheyAlternate() {
    assertThat(ALTERNATING.binsOn(date("2026-12-01")))
        .containsExactly("recycling", "food waste", "general waste");
    assertThat(ALTERNATING.binsOn(date("2026-12-08")))
        .containsExactly("recycling", "food waste", "garden waste");
    assertThat(ALTERNATING.binsOn(date("2026-12-02"))).isEmpty();
    assertThat(EVEN_WEEKS.binsOn(date("2026-12-01"))).isEmpty();
  }

  @Test
  void summarisesItsWeekPatternAndEveryBin() {
    assertThat(WEEKLY.weekPattern()).isEqualTo("weekly");
    assertThat(ODD_WEEKS.weekPattern()).isEqualTo("fortnightly-odd");
    assertThat(EVEN_WEEKS.weekPattern()).isEqualTo("fortnightly-even");
    assertThat(ALTERNATING.weekPattern()).isEqualTo("weekly");
    assertThat(ALTERNATING.bins())
        .containsExactly("recycling", "food waste", "general waste", "garden waste");
    assertThat(WEEKLY.bins()).isEqualTo(RECYCLING);
  }

  @Test
  void describesAWeeklyCollectionInPlainEnglish() {
    assertThat(WEEKLY.describe(date("2026-11-25"))).isEqualTo(
        "Your bins are collected on Tuesdays. Your next collection is Tuesday 1 December: "
            + "recycling and food waste. Put your bins out by 7am.");
  }

  @Test
  void saysTodayWhenTheCollectionIsToday() {
    assertThat(WEEKLY.describe(date("2026-12-01"))).isEqualTo(
        "Your bins are collected on Tuesdays. Your next collection is today, Tuesday 1 December: "
            + "recycling and food waste. Put your bins out by 7am.");
  }

  @Test
  void afterThePutOutTimeOnCollectionDayNamesTheNextCollection() {
    assertThat(WEEKLY.describe(LocalDateTime.parse("2026-12-01T06:59"))).contains("today, Tuesday 1 December");
    assertThat(WEEKLY.describe(LocalDateTime.parse("2026-12-01T13:03"))).isEqualTo(
        "Your bins are collected on Tuesdays. Today's collection started at 7am, so if your bins were not out in "
            + "time, your next collection is Tuesday 8 December: recycling and food waste. Put your bins out by 7am.");
  }

  @Test
  void describesAFortnightlyCollectionAsEveryOtherDay() {
    assertThat(EVEN_WEEKS.describe(date("2026-11-25"))).isEqualTo(
        "Your bins are collected every other Tuesday. Your next collection is Tuesday 8 December: "
            + "general waste. Put your bins out by 7am.");
  }

  @Test
  void describesAlternatingBinsForTheNextTwoCollections() {
    assertThat(ALTERNATING.describe(date("2026-11-25"))).isEqualTo(
        "Your bins are collected on Tuesdays. Your next collection is Tuesday 1 December: "
            + "recycling, food waste and general waste. The collection after that is Tuesday 8 "
            + "December: recycling, food waste and garden waste. Put your bins out by 7am.");
  }

  @Test
  void givesTheYearWhenTheNextCollectionIsInTheNextYear() {
    assertThat(EVEN_WEEKS.describe(date("2026-12-23"))).isEqualTo(
        "Your bins are collected every other Tuesday. Your next collection is Tuesday 12 January "
            + "2027: general waste. Put your bins out by 7am.");
  }

  @Test
  void refusesAnUnknownWeekPatternOrNothingToCollect() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CollectionSchedule("R", TUESDAY, "monthly", RECYCLING))
        .withMessageContaining("monthly");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CollectionSchedule("R", TUESDAY, "weekly", List.of()));
  }
}
