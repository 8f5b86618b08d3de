package org.townhall.bot.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class StartLimiterTests {

  private Instant now = Instant.parse("2026-11-23T10:00:00Z");

  private final Clock clock = new Clock() {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  };

  private final StartLimiter limiter = new StartLimiter(clock, new WebChatProperties(2000, 3));

  @Test
  void allowsTheLimitPerAddressPerMinuteThenRefuses() {
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isTrue();
    assertThat(limiter.allow("203.0.113.7")).isFalse();
    assertThat(limiter.allow("198.51.100.1")).as("another address has its own count").isTrue();

    now = now.plus(Duration.ofSeconds(59));
    assertThat(limiter.allow("203.0.113.7")).isFalse();
    now = now.plus(Duration.ofSeconds(1));
    assertThat(limiter.allow("203.0.113.7")).as("a new minute").isTrue();
  }
}
