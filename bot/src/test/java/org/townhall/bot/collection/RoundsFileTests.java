package org.townhall.bot.collection;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundsFileTests {

  private static final String HEADER = "# a comment\narea,round,day,weeks,bins\n";

  private static Map<String, CollectionSchedule> read(String csv) {
    return RoundsFile.read(csv, "rounds.csv");
  }

  @Test
  void gathersAnAreasRowsIntoOneScheduleWithBinsForOddAndEvenWeeks() {
    Map<String, CollectionSchedule> schedules = read(HEADER + """
        cf10,R1,Monday,weekly,recycling;food waste
        CF10,R1,monday,fortnightly-odd,general waste
        CF10,R1,Mon,fortnightly-even,garden waste
        """);

    assertThat(schedules).containsOnlyKeys("CF10");
    CollectionSchedule schedule = schedules.get("CF10");
    assertThat(schedule.round()).isEqualTo("R1");
    assertThat(schedule.day()).isEqualTo(MONDAY);
    assertThat(schedule.oddWeekBins()).containsExactly("recycling", "food waste", "general waste");
    assertThat(schedule.evenWeekBins()).containsExactly("recycling", "food waste", "garden waste");
  }

  @Test
  void keysAreasAsPostcodeSectorOrDistrict() {
    Map<String, CollectionSchedule> schedules = read(HEADER + """
        cf10 5an,R1,Monday,weekly,recycling
        CF105AN ,R1,Monday,weekly,food waste
        CF10  1,R2,Monday,weekly,recycling
        CF10,R3,Monday,weekly,recycling
        """);

    assertThat(schedules).containsOnlyKeys("CF10 5AN", "CF10 1", "CF10");
    assertThat(schedules.get("CF10 5AN").bins()).containsExactly("recycling", "food waste");
  }

  @Test
  void acceptsAByteOrderMarkQuotesExtraColumnsAndHeadersInAnyOrderOrCase() {
    Map<String, CollectionSchedule> schedules = read("\uFEFFRound,AREA,Notes,Day,Weeks,Bins\r\n"
        + "\"R1\",CF10,\"flats, shops\",Tuesday,weekly,\"recycling; glass, cans and bottles\"\r\n");

    assertThat(schedules.get("CF10").bins())
        .containsExactly("recycling", "glass, cans and bottles");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "CF10,R1,Tusday,weekly,recycling          | line 5: day 'Tusday' is not a day of the week",
      "CF1O,R1,Tuesday,weekly,recycling | line 5: area 'CF1O' is not a full postcode",
      "CF10 1EC,R1,Tuesday,weekly,recycling | line 5: area 'CF10 1EC' is not a full postcode",
      "CF10,R1,Tuesday,monthly,recycling        | line 5: weeks 'monthly' is not weekly",
      "CF10,R1,Tuesday,weekly, ; ;              | line 5: no bins given",
      "CF10, ,Tuesday,weekly,recycling          | line 5: the round is empty",
      "CF10,R1,Tuesday,weekly                   | line 5: expected 5 values, found 4",
      "CF10,R1,Tuesday,weekly,recycling,extra   | line 5: expected 5 values, found 6",
      "CF10,R1,Tuesday,weekly,\"recycling\"x    | line: 5",
      "CF10,R2,Tuesday,weekly,recycling | line 5: area CF10 is on round R2 on Tuesday here but "
          + "on round R1 on Monday at line 3",
      "CF10,R1,Tuesday,weekly,recycling | line 5: area CF10 is on round R1 on Tuesday here but "
          + "on round R1 on Monday at line 3",
      "CF11,R1,Tuesday,weekly,recycling | line 5: round R1 is on Tuesday here but on Monday "
          + "at line 3",
  })
  void stopsAtTheFirstMistakeNamingTheFileAndLine(String badRow, String expected) {
    String csv = HEADER + "CF10,R1,Monday,weekly,recycling\n# another comment\n" + badRow + "\n";

    assertThatIllegalStateException().isThrownBy(() -> read(csv))
        .withMessageStartingWith("rounds.csv")
        .withMessageContaining(expected);
  }

  @Test
  void refusesAValueSpreadOverLines() {
    assertThatIllegalStateException()
        .isThrownBy(() -> read(HEADER + "CF10,R1,Monday,weekly,\"recycling\nfood\"\n"))
        .withMessage("rounds.csv, line 4: a value runs over more than one line");
  }

  @Test
  void refusesAFileWithoutItsColumnsOrWithoutRows() {
    assertThatIllegalStateException()
        .isThrownBy(() -> read("area,round,day,bin\nCF10,R1,Monday,recycling\n"))
        .withMessage("rounds.csv: the header line must name the columns area, round, day, weeks, "
            + "bins; missing: weeks, bins");
    assertThatIllegalStateException().isThrownBy(() -> read(""))
        .withMessageContaining("missing: area, round, day, weeks, bins");
    assertThatIllegalStateException().isThrownBy(() -> read(HEADER + "# nothing yet\n"))
        .withMessage("rounds.csv: no rounds in the file");
    assertThatIllegalStateException().isThrownBy(() -> read("area,area,round,day,weeks,bins\n"))
        .withMessageStartingWith("rounds.csv: ");
  }
}
