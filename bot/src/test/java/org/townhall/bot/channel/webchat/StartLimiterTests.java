package org.townhall.bot.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.MutableClock;

class StartLimiterTests {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));

  private final StartLimiter limiter = new StartLimiter(clock, new WebChatProperties(2000, 3));

  @Test
  void allowsTheLimitPerAddressPerMinuteThenRefuses() {
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isFalse();
    assertThat(limiter.allow("198.51.100.1")).as("another address has its own count").isTrue();

    clock.advance(Duration.ofSeconds(59));
    assertThat(limiter.allow("203.0.113.7")).isFalse();
    clock.advance(Duration.ofSeconds(1));
    assertThat(limiter.allow("203.0.113.7")).as("a new minute").isTrue();
  }
}
