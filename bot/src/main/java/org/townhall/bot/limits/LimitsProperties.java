package org.townhall.bot.limits;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The rate limits, each a token bucket: {@code count} per {@code per}, refilled gradually, and at
 * most {@code burst} at once.
 *
 * @param conversationStarts web chat conversations one client address may start
 * @param webchatMessages messages a resident may send in one web chat conversation
 * @param telegramMessages messages (taps, edits) one Telegram chat may send
 * @param signInsPerUser sign-in attempts for one user name (a successful one is not counted)
 * @param signInsPerAddress sign-in attempts from one client address (a successful one is not counted)
 */
@Validated
@ConfigurationProperties("townhall.limits")
record LimitsProperties(
    @NotNull @Valid Rate conversationStarts,
    @NotNull @Valid Rate webchatMessages,
    @NotNull @Valid Rate telegramMessages,
    @NotNull @Valid Rate signInsPerUser,
    @NotNull @Valid Rate signInsPerAddress) {

  /**
   * @param count how many per period, refilled evenly over it (one every {@code per / count})
   * @param per the period
   * @param burst how many may come at once after a quiet spell; empty means {@code count}
   */
  record Rate(@Min(1) int count, @NotNull @DurationMin(millis = 1) Duration per, @Min(1) Integer burst) {

    int capacity() {
      return burst == null ? count : burst;
    }
  }

  Rate of(Limit limit) {
    return switch (limit) {
      case CONVERSATION_STARTS -> conversationStarts;
      case WEBCHAT_MESSAGES -> webchatMessages;
      case TELEGRAM_MESSAGES -> telegramMessages;
      case TELEGRAM_SLOW_DOWN_NOTICES -> new Rate(1, Duration.ofMinutes(1), 1);
      case SIGN_INS_PER_USER -> signInsPerUser;
      case SIGN_INS_PER_ADDRESS -> signInsPerAddress;
    };
  }
}
