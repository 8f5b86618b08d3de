package org.townhall.bot.channel.telegram;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

/**
 * Long polling with TelegramBots' own loop. An update is acknowledged by the next {@code getUpdates}
 * offset, and the loop moves its offset past a batch before handing it over; so if an update cannot
 * be recorded (the store is down), the offset is wound back to just before it, and Telegram
 * delivers it again. Only one poller may run per token (Telegram answers a second with 409).
 */
class TelegramPolling implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(TelegramPolling.class);
  static final List<String> ALLOWED_UPDATES = List.of("message", "edited_message", "callback_query");
  private static final Duration STORE_DOWN_PAUSE = Duration.ofSeconds(1);

  private final TelegramProperties settings;
  private final TelegramUrl url;
  private final TelegramInbox inbox;
  private final AtomicReference<BotSession> session = new AtomicReference<>();
  private TelegramBotsLongPollingApplication application;

  TelegramPolling(TelegramProperties settings, TelegramUrl url, TelegramInbox inbox) {
    this.settings = settings;
    this.url = url;
    this.inbox = inbox;
  }

  synchronized void start() throws TelegramApiException {
    // The read timeout must outlast a long poll, or every quiet poll would end in an error.
    Duration readTimeout = settings.pollTimeout().plusSeconds(15);
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
    application = new TelegramBotsLongPollingApplication(ObjectMapper::new, () -> http);
    int timeoutSeconds = (int) Math.max(0, settings.pollTimeout().toSeconds());
    session.set(application.registerBot(settings.token(), () -> url,
        lastReceived -> GetUpdates.builder()
            .offset(lastReceived + 1)
            .limit(100)
            .timeout(timeoutSeconds)
            .allowedUpdates(ALLOWED_UPDATES)
            .build(),
        this::consume));
    if (!application.isRunning()) {
      application.start();
    }
    log.info("Telegram channel polling {}", url.getHost());
  }

  /** Records a batch in order; stops at the first update that cannot be recorded. */
  void consume(List<Update> updates) {
    List<Update> ordered = updates.stream().sorted(Comparator.comparing(Update::getUpdateId)).toList();
    for (Update update : ordered) {
      try {
        inbox.record(update);
      } catch (RuntimeException e) {
        BotSession current = session.get();
        if (current != null) {
          current.getLastReceivedUpdate().set(update.getUpdateId() - 1);
        }
        log.warn("Could not record Telegram update {} ({}); asking Telegram for it again", update.getUpdateId(),
            e.toString());
        pause();
        return;
      }
    }
  }

  private static void pause() {
    try {
      Thread.sleep(STORE_DOWN_PAUSE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public synchronized void close() {
    if (application != null) {
      try {
        application.close();
      } catch (Exception e) {
        log.warn("Stopping Telegram polling: {}", e.toString());
      }
      application = null;
    }
  }
}
