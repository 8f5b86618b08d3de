package org.townhall.bot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pieces the figures are made with: duration buckets, their percentiles, counter names and CSV cells. */
class InsightFiguresTests {

  @Test
  void aDurationFallsInTheFirstBucketWhoseUpperBoundHoldsIt() {
    assertThat(DurationBuckets.of(0)).isZero();
    assertThat(DurationBuckets.of(5)).isZero();
    assertThat(DurationBuckets.of(6)).isEqualTo(1);
    assertThat(DurationBuckets.UPPER.get(DurationBuckets.of(150))).isEqualTo(180);
    assertThat(DurationBuckets.of(1_000_000)).as("the open last bucket").isEqualTo(DurationBuckets.UPPER.size());
  }

  @Test
  void aPercentileIsTheUpperBoundOfTheBucketItFallsIn() {
    long[] counts = new long[DurationBuckets.UPPER.size() + 1];
    counts[DurationBuckets.of(10)] = 9;
    counts[DurationBuckets.of(600)] = 1;
    assertThat(DurationBuckets.percentile(counts, 0.5)).isEqualTo(10);
    assertThat(DurationBuckets.percentile(counts, 0.9)).as("the 9th of 10").isEqualTo(10);
    assertThat(DurationBuckets.percentile(counts, 0.95)).isEqualTo(600);
    assertThat(DurationBuckets.percentile(new long[counts.length], 0.5)).as("nothing measured").isNull();
  }

  @Test
  void aCsvCellThatASpreadsheetWouldRunIsWrittenAsText() {
    assertThat(InsightCsv.escape("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
    assertThat(InsightCsv.escape("+44")).isEqualTo("'+44");
    assertThat(InsightCsv.escape("-3")).as("a negative number stays a number").isEqualTo("-3");
    assertThat(InsightCsv.escape("Pay council tax, online")).isEqualTo("\"Pay council tax, online\"");
  }

  @Test
  void aCounterNameKeepsItsFourPartsWhateverItsParts() {
    Tally tally = new Tally("webchat", "housing").add(Figures.WRAP_UP, "a|b c");
    String name = tally.counts().keySet().iterator().next();
    assertThat(Tally.parse(name)).containsExactly("wrap_up", "webchat", "housing", "a_b_c");
    assertThat(new Tally("carrier-pigeon", null).add(Figures.CONTACTS, null).counts())
        .containsOnlyKeys("contacts|other|none|-");
  }
}
