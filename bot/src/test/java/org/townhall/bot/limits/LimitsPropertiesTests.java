package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** A limit that cannot work stops the start-up, naming the setting. */
class LimitsPropertiesTests {

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
      .withUserConfiguration(LimitsConfiguration.class)
      .withBean(Clock.class, Clock::systemUTC)
      .withPropertyValues(
          "townhall.limits.conversation-starts.count=30", "townhall.limits.conversation-starts.per=1m",
          "townhall.limits.webchat-messages.count=20", "townhall.limits.webchat-messages.per=1m",
          "townhall.limits.telegram-messages.count=20", "townhall.limits.telegram-messages.per=1m",
          "townhall.limits.sign-ins-per-user.count=5", "townhall.limits.sign-ins-per-user.per=15m",
          "townhall.limits.sign-ins-per-address.count=20", "townhall.limits.sign-ins-per-address.per=15m");

  @Test
  void startsWithWorkableLimits() {
    context.run(started -> assertThat(started).hasNotFailed().hasSingleBean(RateLimits.class));
  }

  @Test
  void aBurstOfNoneStopsTheStartUpNamingTheSetting() {
    context.withPropertyValues("townhall.limits.webchat-messages.burst=0").run(started -> assertThat(started)
        .getFailure().rootCause().hasMessageContaining("webchatMessages.burst"));
  }

  @Test
  void aMissingPeriodStopsTheStartUpNamingTheSetting() {
    context.withPropertyValues("townhall.limits.sign-ins-per-user.per=").run(started -> assertThat(started)
        .getFailure().rootCause().hasMessageContaining("signInsPerUser.per"));
  }
}
