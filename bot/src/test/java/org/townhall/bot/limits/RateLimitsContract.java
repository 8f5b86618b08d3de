package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.MutableClock;

/** What a limit does, whichever store keeps its buckets; run against memory and a real Redis. */
abstract class RateLimitsContract {

  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** 3 starts a minute (one every 20 s); messages 6 a minute, 2 at once. */
  static final LimitsProperties SETTINGS = new LimitsProperties(
      new LimitsProperties.Rate(3, Duration.ofMinutes(1), null),
      new LimitsProperties.Rate(6, Duration.ofMinutes(1), 2),
      new LimitsProperties.Rate(6, Duration.ofMinutes(1), 2),
      new LimitsProperties.Rate(5, Duration.ofMinutes(15), null),
      new LimitsProperties.Rate(20, Duration.ofMinutes(15), null));

  final MutableClock clock = new MutableClock(T0);

  /** Limits on buckets kept where the subclass keeps them, all on {@link #clock}. */
  abstract RateLimits limits();

  @Test
  void allowsTheLimitThenRefusesWithTheTimeUntilTheNextOne() {
    RateLimits limits = limits();
    for (int i = 0; i < 3; i++) {
      assertThat(limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).as("start %d", i + 1).isTrue();
    }
    RateLimits.Decision refused = limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7");

    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(20));
    assertThat(limits.take(Limit.CONVERSATION_STARTS, "198.51.100.1").allowed()).as("another address").isTrue();
  }

  @Test
  void refillsEvenlyOverThePeriod() {
    RateLimits limits = limits();
    for (int i = 0; i < 3; i++) {
      limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7");
    }
    clock.advance(Duration.ofSeconds(19));
    assertThat(limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).isFalse();

    clock.advance(Duration.ofSeconds(1));
    assertThat(limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).as("one more after 20 s").isTrue();
    assertThat(limits.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).as("only one").isFalse();
  }

  @Test
  void aBurstSmallerThanTheCountAllowsOnlyThatManyAtOnce() {
    RateLimits limits = limits();
    assertThat(limits.take(Limit.WEBCHAT_MESSAGES, "c1").allowed()).isTrue();
    assertThat(limits.take(Limit.WEBCHAT_MESSAGES, "c1").allowed()).isTrue();
    RateLimits.Decision third = limits.take(Limit.WEBCHAT_MESSAGES, "c1");

    assertThat(third.allowed()).isFalse();
    assertThat(third.retryAfter()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void limitsAreSeparateForTheSameClient() {
    RateLimits limits = limits();
    limits.take(Limit.WEBCHAT_MESSAGES, "same");
    limits.take(Limit.WEBCHAT_MESSAGES, "same");

    assertThat(limits.take(Limit.WEBCHAT_MESSAGES, "same").allowed()).isFalse();
    assertThat(limits.take(Limit.TELEGRAM_MESSAGES, "same").allowed()).isTrue();
  }

  @Test
  void whatIsGivenBackCanBeTakenAgain() {
    RateLimits limits = limits();
    for (int i = 0; i < 5; i++) {
      limits.take(Limit.SIGN_INS_PER_USER, "ann");
    }
    assertThat(limits.take(Limit.SIGN_INS_PER_USER, "ann").allowed()).isFalse();

    limits.giveBack(Limit.SIGN_INS_PER_USER, "ann");

    assertThat(limits.take(Limit.SIGN_INS_PER_USER, "ann").allowed()).isTrue();
    assertThat(limits.take(Limit.SIGN_INS_PER_USER, "ann").allowed()).isFalse();
  }

  @Test
  void slowDownNoticesAreOneAMinute() {
    RateLimits limits = limits();
    assertThat(limits.take(Limit.TELEGRAM_SLOW_DOWN_NOTICES, "42").allowed()).isTrue();
    assertThat(limits.take(Limit.TELEGRAM_SLOW_DOWN_NOTICES, "42").allowed()).isFalse();
    clock.advance(Duration.ofMinutes(1));
    assertThat(limits.take(Limit.TELEGRAM_SLOW_DOWN_NOTICES, "42").allowed()).isTrue();
  }
}
