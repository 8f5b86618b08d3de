package org.townhall.bot.channel.telegram;

import org.townhall.bot.channel.LaneWorkers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.townhall.bot.store.ChannelQueues;

/**
 * Where every Telegram update is recorded, durably, before it is acknowledged (by the next
 * {@code getUpdates} offset, or the webhook's 200): a lane per chat in the inbound queue, so one
 * chat's updates are processed in order. Each {@code update_id} is recorded once however often it
 * is delivered; a callback query is recorded once by its own id, because the app re-sends a tap
 * with a new {@code update_id}.
 */
class TelegramInbox {

  static final String QUEUE = "telegram-in";
  private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final ChannelQueues queues;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration dedupeMemory;
  private LaneWorkers workers;

  TelegramInbox(ChannelQueues queues, ObjectMapper json, Clock clock, Duration dedupeMemory) {
    this.queues = queues;
    this.json = json;
    this.clock = clock;
    this.dedupeMemory = dedupeMemory;
  }

  void wakeOnRecord(LaneWorkers processors) {
    this.workers = processors;
  }

  /**
   * Records an update for processing.
   *
   * @return false if it was a duplicate, or carries nothing the bot handles (nothing recorded)
   * @throws org.townhall.bot.store.StoreUnavailableException if it could not be recorded: do not acknowledge it
   */
  boolean record(Update update) {
    Optional<Long> chat = chatOf(update);
    if (chat.isEmpty() || update.getUpdateId() == null) {
      return false;
    }
    String dedupeKey = update.hasCallbackQuery() ? "cb:" + keySafe(update.getCallbackQuery().getId())
        : "u:" + update.getUpdateId();
    boolean recorded = queues.append(QUEUE, chat.get().toString(), write(update), dedupeKey, dedupeMemory,
        clock.instant());
    if (recorded && workers != null) {
      workers.wake();
    }
    return recorded;
  }

  /**
   * A callback query's id as part of a store key: Telegram's own ids (letters, digits) as they are,
   * anything else (the webhook body is the sender's text) by its SHA-256, so no odd text names a key.
   */
  static String keySafe(String callbackId) {
    if (callbackId != null && SAFE_ID.matcher(callbackId).matches()) {
      return callbackId;
    }
    return "h" + HexFormat.of().formatHex(TelegramWebhookController.sha256(String.valueOf(callbackId)));
  }

  Update read(String item) {
    try {
      return json.readValue(item, Update.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable Telegram update in the queue", e);
    }
  }

  private String write(Update update) {
    try {
      return json.writeValueAsString(update);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a Telegram update", e);
    }
  }

  /** The chat an update belongs to; empty for kinds the bot does not handle (inline queries, polls…). */
  static Optional<Long> chatOf(Update update) {
    if (update.hasMessage()) {
      return Optional.ofNullable(update.getMessage().getChatId());
    }
    if (update.hasEditedMessage()) {
      return Optional.ofNullable(update.getEditedMessage().getChatId());
    }
    if (update.hasCallbackQuery()) {
      MaybeInaccessibleMessage message = update.getCallbackQuery().getMessage();
      if (message != null && message.getChatId() != null) {
        return Optional.of(message.getChatId());
      }
      // A tap on a message the bot can no longer see: answer it in the resident's own chat.
      return Optional.ofNullable(update.getCallbackQuery().getFrom()).map(u -> u.getId());
    }
    return Optional.empty();
  }
}
