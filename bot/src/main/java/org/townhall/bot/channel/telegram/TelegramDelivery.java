package org.townhall.bot.channel.telegram;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.townhall.bot.channel.LaneWorkers;
import org.townhall.bot.channel.LaneWorkers.Outcome;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.store.ChannelQueues.Claimed;

/**
 * Sends queued messages within Telegram's limits: one chat at a time and about one message a second
 * per chat (the lane's pace), at most {@code messagesPerSecond} overall, a 429 retried after its
 * {@code retry_after}, a server or network error retried with a doubling wait, and a 403 (the
 * resident blocked the bot) final: the chat's queued messages are dropped and staff see a note.
 * Each attempt is counted in {@code townhall.telegram.deliveries} by outcome: {@code sent},
 * {@code retried} (a 429, 5xx or network error that will be tried again) or {@code failed} (given up,
 * refused for good, or the chat blocked the bot).
 */
class TelegramDelivery implements LaneWorkers.Handler {

  private static final Logger log = LoggerFactory.getLogger(TelegramDelivery.class);
  private static final Duration LONGEST_BACKOFF = Duration.ofMinutes(5);

  private final TelegramClient client;
  private final TelegramOutbox outbox;
  private final Conversations conversations;
  private final Clock clock;
  private final TelegramProperties settings;
  private final PerSecondLimit overall;
  private final Counter sent;
  private final Counter retried;
  private final Counter failed;

  TelegramDelivery(TelegramClient client, TelegramOutbox outbox, Conversations conversations, Clock clock,
      TelegramProperties settings, PerSecondLimit overall, MeterRegistry meters) {
    this.client = client;
    this.outbox = outbox;
    this.conversations = conversations;
    this.clock = clock;
    this.settings = settings;
    this.overall = overall;
    this.sent = deliveries(meters, "sent");
    this.retried = deliveries(meters, "retried");
    this.failed = deliveries(meters, "failed");
  }

  private static Counter deliveries(MeterRegistry meters, String outcome) {
    return Counter.builder("townhall.telegram.deliveries")
        .description("Attempts to send one message to Telegram, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  @Override
  public Outcome handle(Claimed claimed) {
    OutgoingMessage message = outbox.read(claimed.item());
    overall.acquire();
    try {
      client.execute(toSendMessage(message));
      sent.increment();
      return new Outcome.Done(clock.instant().plus(settings.perChatInterval()));
    } catch (TelegramApiRequestException e) {
      Integer code = e.getErrorCode();
      if (code != null && code == 429) {
        Integer after = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
        log.info("Telegram says too many requests; chat's messages wait {}s", after == null ? 1 : after);
        retried.increment();
        return new Outcome.Retry(clock.instant().plusSeconds(after == null ? 1 : Math.max(1, after)));
      }
      if (code != null && code == 403) {
        log.warn("Telegram refuses delivery (403: the resident blocked the bot or the chat is gone); dropping "
            + "the chat's queued messages");
        noteForStaff(message, "Telegram could not deliver the bot's messages: the resident has blocked the bot "
            + "or deleted the chat. Nothing more will reach them until they write again.");
        failed.increment();
        return new Outcome.DiscardLane();
      }
      if (code != null && code >= 400 && code < 500) {
        log.warn("Telegram rejected a message for good ({}: {})", code, e.getApiResponse());
        noteForStaff(message, "Telegram rejected one message (" + code + "); the resident did not receive it.");
        failed.increment();
        return new Outcome.Done(clock.instant().plus(settings.perChatInterval()));
      }
      return backOff(claimed, message, "Telegram error " + code);
    } catch (TelegramApiException e) {
      return backOff(claimed, message, e.getClass().getSimpleName());
    }
  }

  private Outcome backOff(Claimed claimed, OutgoingMessage message, String why) {
    int attempt = claimed.attempts() + 1;
    if (attempt >= settings.maxAttempts()) {
      log.warn("Giving up a Telegram message after {} attempts ({})", attempt, why);
      noteForStaff(message, "Telegram was unavailable; one message could not be delivered after " + attempt
          + " attempts.");
      failed.increment();
      return new Outcome.Done(clock.instant());
    }
    Duration wait = settings.retryBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
    if (wait.compareTo(LONGEST_BACKOFF) > 0) {
      wait = LONGEST_BACKOFF;
    }
    log.info("Telegram message not delivered ({}); attempt {} of {}, next in {}", why, attempt,
        settings.maxAttempts(), wait);
    Instant due = clock.instant().plus(wait);
    retried.increment();
    return new Outcome.Retry(due);
  }

  private void noteForStaff(OutgoingMessage message, String note) {
    if (message.conversationId() != null) {
      conversations.noteForStaff(message.conversationId(), "Telegram", note);
    }
  }

  static SendMessage toSendMessage(OutgoingMessage message) {
    var send = SendMessage.builder().chatId(message.chatId()).text(message.text());
    if (!message.buttons().isEmpty()) {
      List<InlineKeyboardRow> rows = message.buttons().stream()
          .map(b -> new InlineKeyboardRow(InlineKeyboardButton.builder().text(b.label()).callbackData(b.data()).build()))
          .toList();
      send.replyMarkup(new InlineKeyboardMarkup(rows));
    }
    return send.build();
  }
}
