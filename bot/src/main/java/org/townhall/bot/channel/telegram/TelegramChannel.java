package org.townhall.bot.channel.telegram;

import org.townhall.bot.channel.LaneWorkers;
import java.time.Duration;
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
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(5);

  private volatile boolean running;
  private Thread starter;

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
    running = true;
    // Web chat and the console must not wait for, or fail with, Telegram: receiving starts in the
    // background and is tried again (with a doubling wait) until Telegram answers.
    starter = new Thread(this::startReceiving, "telegram-start");
    starter.setDaemon(true);
    starter.start();
  }

  private void startReceiving() {
    Duration wait = settings.retryBackoff();
    while (running) {
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
        return;
      } catch (TelegramApiException e) {
        log.error("Telegram channel could not start receiving ({}); trying again in {}", e.toString(), wait);
        if (polling != null) {
          polling.close();
        }
        try {
          Thread.sleep(wait.toMillis());
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
        wait = wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  @Override
  public void stop() {
    running = false;
    if (starter != null) {
      starter.interrupt();
      try {
        starter.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (polling != null) {
      polling.close();
    }
    processors.close();
    senders.close();
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
