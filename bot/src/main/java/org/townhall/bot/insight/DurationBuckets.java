package org.townhall.bot.insight;

import java.util.List;

/**
 * Durations counted in buckets, so that a median and a 90th percentile can be told for any period by
 * adding days up: the answer is the upper bound of the bucket the percentile falls in, exact to the
 * bucket's width (5 s at first, a few minutes around an hour, a day at the top).
 */
final class DurationBuckets {

  /** Each bucket's upper bound in seconds (inclusive); anything longer is in the last, open one. */
  static final List<Long> UPPER = List.of(5L, 10L, 15L, 20L, 30L, 45L, 60L, 90L, 120L, 180L, 240L, 300L,
      420L, 600L, 900L, 1200L, 1800L, 2700L, 3600L, 5400L, 7200L, 10800L, 14400L, 21600L, 28800L, 43200L,
      86400L, 172800L);

  private DurationBuckets() {}

  /** The bucket a duration is counted in (0 .. UPPER.size(), the last one open). */
  static int of(long seconds) {
    for (int i = 0; i < UPPER.size(); i++) {
      if (seconds <= UPPER.get(i)) {
        return i;
      }
    }
    return UPPER.size();
  }

  /**
   * The {@code fraction} percentile (0.5 for the median) of counts by bucket, as the bucket's upper
   * bound in seconds; null for no counts. The open last bucket answers its lower bound.
   */
  static Long percentile(long[] counts, double fraction) {
    long total = 0;
    for (long c : counts) {
      total += c;
    }
    if (total == 0) {
      return null;
    }
    long rank = (long) Math.ceil(fraction * total);
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= Math.max(1, rank)) {
        return UPPER.get(Math.min(i, UPPER.size() - 1));
      }
    }
    return UPPER.get(UPPER.size() - 1);
  }
}
