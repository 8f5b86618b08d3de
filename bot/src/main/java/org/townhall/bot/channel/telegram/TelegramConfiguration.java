package org.townhall.bot.channel.telegram;

import org.townhall.bot.channel.LaneWorkers;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.ResidentMessages;
import org.townhall.bot.metrics.StepTimer;
import org.townhall.bot.limits.RateLimits;
import org.townhall.bot.store.ChannelQueues;
import org.townhall.bot.store.RetentionProperties;

/** The Telegram channel's parts, only when {@code townhall.telegram.enabled=true}. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "townhall.telegram.enabled", havingValue = "true")
class TelegramConfiguration {

  @Bean
  TelegramUrl telegramUrl(TelegramProperties settings) {
    if (settings.token() == null || settings.token().isBlank()) {
      throw new IllegalStateException("townhall.telegram.enabled=true needs a bot token: set TOWNHALL_TELEGRAM_TOKEN");
    }
    URI api = settings.apiUrl();
    int port = api.getPort() > 0 ? api.getPort() : "http".equals(api.getScheme()) ? 80 : 443;
    return new TelegramUrl(api.getScheme(), api.getHost(), port, false);
  }

  @Bean
  TelegramClient telegramClient(TelegramProperties settings, TelegramUrl url) {
    return new OkHttpTelegramClient(settings.token(), url);
  }

  @Bean
  PerSecondLimit telegramOverallLimit(TelegramProperties settings) {
    return new PerSecondLimit(settings.messagesPerSecond());
  }

  @Bean
  TelegramInbox telegramInbox(ChannelQueues queues, ObjectMapper json, Clock clock, RetentionProperties retention) {
    return new TelegramInbox(queues, json, clock, retention.deliveryMarks());
  }

  @Bean
  TelegramOutbox telegramOutbox(ChannelQueues queues, ObjectMapper json, Clock clock, RetentionProperties retention,
      TelegramProperties settings) {
    return new TelegramOutbox(queues, json, clock, retention.deliveryMarks(), settings.staffName());
  }

  @Bean
  TelegramTypingNotice telegramTypingNotice(TelegramClient client) {
    return new TelegramTypingNotice(client);
  }

  @Bean
  TelegramUpdates telegramUpdates(TelegramInbox inbox, TelegramOutbox outbox, Conversations conversations,
      ResidentMessages residents, TelegramClient client, PerSecondLimit telegramOverallLimit, Clock clock,
      TelegramProperties settings, StepTimer steps, RateLimits limits, CallBacks callBacks) {
    return new TelegramUpdates(inbox, outbox, conversations, residents, client, telegramOverallLimit, clock,
        settings, steps, limits, callBacks);
  }

  @Bean
  TelegramDelivery telegramDelivery(TelegramClient client, TelegramOutbox outbox, Conversations conversations,
      Clock clock, TelegramProperties settings, PerSecondLimit telegramOverallLimit, MeterRegistry meters) {
    return new TelegramDelivery(client, outbox, conversations, clock, settings, telegramOverallLimit, meters);
  }

  @Bean
  TelegramChannel telegramChannel(TelegramProperties settings, TelegramUrl url, TelegramClient client,
      ChannelQueues queues, Clock clock, TelegramInbox inbox, TelegramOutbox outbox, TelegramUpdates updates,
      TelegramDelivery delivery) {
    // A lease well beyond a slow Telegram call, so two instances never send the same message at once.
    Duration lease = Duration.ofMinutes(2);
    LaneWorkers processors = new LaneWorkers(TelegramInbox.QUEUE, queues, clock, lease, updates);
    LaneWorkers senders = new LaneWorkers(TelegramOutbox.QUEUE, queues, clock, lease, delivery);
    inbox.wakeOnRecord(processors);
    outbox.wakeOnQueue(senders);
    TelegramPolling polling = settings.mode() == TelegramProperties.Mode.POLLING
        ? new TelegramPolling(settings, url, inbox)
        : null;
    return new TelegramChannel(settings, client, processors, senders, polling);
  }
}
