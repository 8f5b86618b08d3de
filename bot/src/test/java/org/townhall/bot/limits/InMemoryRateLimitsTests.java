package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimitsTests extends RateLimitsContract {

  private final LocalBuckets buckets = new LocalBuckets(LimitsConfiguration.time(clock));

  @Override
  RateLimits limits() {
    return new RateLimits(buckets, "th:", SETTINGS);
  }

  @Test
  void forgetsBucketsThatHaveRefilledAndKeepsTheOthers() {
    RateLimits limits = limits();
    limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7");
    limits.take(Limit.SIGN_INS_PER_USER, "ann");
    clock.advance(Duration.ofSeconds(20));

    buckets.sweep();

    assertThat(buckets.size()).as("the start bucket is full again; ann's sign-in bucket is not").isEqualTo(1);
  }
}
