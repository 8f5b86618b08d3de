package org.townhall.bot.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Starts the channel once the application is ready (workers, then polling or the webhook's
 * registration) and stops it before the store closes, so in-flight work ends cleanly; anything
 * left is still in the queues for the next start.
 */
class TelegramChannel implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

  private final TelegramProperties settings;
  private final TelegramClient client;
  private final LaneWorkers processors;
  private final LaneWorkers senders;
  private final TelegramPolling polling;
  private volatile boolean running;

  TelegramChannel(TelegramProperties settings, TelegramClient client, LaneWorkers processors, LaneWorkers senders,
      TelegramPolling polling) {
    this.settings = settings;
    this.client = client;
    this.processors = processors;
    this.senders = senders;
    this.polling = polling;
  }

  @Override
  public void start() {
    processors.start(settings.workers());
    senders.start(settings.workers());
    try {
      if (polling != null) {
        polling.start();
      } else if (settings.webhookUrl() != null && !settings.webhookUrl().toString().isBlank()) {
        client.execute(SetWebhook.builder().url(settings.webhookUrl().toString())
            .secretToken(settings.webhookSecret())
            .allowedUpdates(TelegramPolling.ALLOWED_UPDATES)
            .build());
        log.info("Telegram channel: webhook registered");
      } else {
        log.info("Telegram channel: webhook mode; register the webhook with Telegram yourself (see README)");
      }
    } catch (TelegramApiException e) {
      // Web chat and the console must keep working when Telegram is unreachable at start-up.
      log.error("Telegram channel could not start receiving: {}", e.toString());
    }
    running = true;
  }

  @Override
  public void stop() {
    if (polling != null) {
      polling.close();
    }
    processors.close();
    senders.close();
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
