package org.townhall.bot.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.local.LocalBucket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Bucket4j's local buckets, for the in-memory store (one instance). A bucket that has refilled to
 * the brim is the same as a new one, so such buckets are forgotten: memory holds only clients that
 * were recently busy.
 */
final class LocalBuckets implements Buckets {

  /** Past this many buckets, forget the full ones at once instead of at the next sweep. */
  private static final int SWEEP_EARLY_ABOVE = 100_000;

  private record Held(LocalBucket bucket, long capacity) {
    boolean full() {
      return bucket.getAvailableTokens() >= capacity;
    }
  }

  private final Map<String, Held> buckets = new ConcurrentHashMap<>();
  private final TimeMeter time;

  LocalBuckets(TimeMeter time) {
    this.time = time;
  }

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration) {
    if (buckets.size() > SWEEP_EARLY_ABOVE) {
      sweep();
    }
    return buckets.computeIfAbsent(key, k -> {
      var builder = Bucket.builder().withCustomTimePrecision(time);
      for (var bandwidth : configuration.getBandwidths()) {
        builder.addLimit(bandwidth);
      }
      return new Held(builder.build(), configuration.getBandwidths()[0].getCapacity());
    }).bucket();
  }

  @Scheduled(fixedDelayString = "PT1M")
  void sweep() {
    buckets.values().removeIf(Held::full);
  }

  int size() {
    return buckets.size();
  }
}
