package org.townhall.bot.channel.telegram;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

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
@ConfigurationProperties("townhall.telegram")
record TelegramProperties(
    boolean enabled,
    String token,
    Mode mode,
    URI apiUrl,
    URI webhookUrl,
    String webhookSecret,
    String staffName,
    Duration pollTimeout,
    Duration perChatInterval,
    int messagesPerSecond,
    Duration retryBackoff,
    int maxAttempts,
    int workers) {

  enum Mode { POLLING, WEBHOOK }

  TelegramProperties {
    mode = mode == null ? Mode.POLLING : mode;
    apiUrl = apiUrl == null ? URI.create("https://api.telegram.org") : apiUrl;
    pollTimeout = pollTimeout == null ? Duration.ofSeconds(50) : pollTimeout;
    perChatInterval = perChatInterval == null ? Duration.ofSeconds(1) : perChatInterval;
    messagesPerSecond = messagesPerSecond <= 0 ? 30 : messagesPerSecond;
    retryBackoff = retryBackoff == null ? Duration.ofSeconds(2) : retryBackoff;
    maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
    workers = workers <= 0 ? 2 : workers;
  }

  /** Never print the token or the secret (e.g. in a start-up failure). */
  @Override
  public String toString() {
    return "TelegramProperties[enabled=" + enabled + ", mode=" + mode + ", apiUrl=" + apiUrl + "]";
  }
}
