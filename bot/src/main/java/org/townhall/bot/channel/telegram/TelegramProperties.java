package org.townhall.bot.channel.telegram;

import java.net.URI;
import java.time.Duration;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Telegram channel's settings ({@code townhall.telegram.*}); the token and the webhook secret
 * come only from the environment ({@code TOWNHALL_TELEGRAM_TOKEN}, {@code TOWNHALL_TELEGRAM_WEBHOOK_SECRET}).
 *
 * @param enabled whether the channel runs at all (default off)
 * @param token the bot's token from BotFather
 * @param mode {@code polling} (one instance per token) or {@code webhook} (several instances)
 * @param apiUrl the Bot API's base address (tests point it at a fake server on 127.0.0.1)
 * @param webhookUrl webhook mode: the public address Telegram posts updates to; empty = registered by hand
 * @param webhookSecret webhook mode: the secret Telegram sends in {@code X-Telegram-Bot-Api-Secret-Token}
 * @param staffName how staff replies are signed; empty = the member of staff's own name
 * @param pollTimeout polling mode: how long one {@code getUpdates} waits for news
 * @param perChatInterval least time between two messages to one chat (Telegram: about 1 per second)
 * @param messagesPerSecond most messages per second from this instance (Telegram: about 30 overall)
 * @param retryBackoff first wait after a server error; doubles with each attempt
 * @param maxAttempts how often a message is tried before it is given up (and noted for staff)
 * @param workers threads that process updates, and threads that send messages
 */
@Validated
@ConfigurationProperties("townhall.telegram")
record TelegramProperties(
    boolean enabled,
    String token,
    @NotNull Mode mode,
    @NotNull URI apiUrl,
    URI webhookUrl,
    String webhookSecret,
    String staffName,
    @NotNull @DurationMin(seconds = 1) Duration pollTimeout,
    @NotNull Duration perChatInterval,
    @Positive int messagesPerSecond,
    @NotNull @DurationMin(millis = 1) Duration retryBackoff,
    @Positive int maxAttempts,
    @Positive int workers) {

  enum Mode { POLLING, WEBHOOK }

  /** Never print the token or the secret (e.g. in a start-up failure). */
  @Override
  public String toString() {
    return "TelegramProperties[enabled=" + enabled + ", mode=" + mode + ", apiUrl=" + apiUrl + "]";
  }
}
