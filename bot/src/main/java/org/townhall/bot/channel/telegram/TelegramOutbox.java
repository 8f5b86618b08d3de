package org.townhall.bot.channel.telegram;

import org.townhall.bot.channel.LaneWorkers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.OutboundMessage;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.store.ChannelQueues;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.TranscriptEntry;

/**
 * Turns the lines a commit added for a Telegram resident into queued {@code sendMessage}s: staff
 * lines marked as staff, long texts split, quick replies as an inline keyboard on the last part.
 * Queued durably before anything is sent, so a restart loses nothing.
 */
class TelegramOutbox {

  static final String QUEUE = "telegram-out";

  private final ChannelQueues queues;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration dedupeMemory;
  private final String staffName;
  private LaneWorkers workers;

  TelegramOutbox(ChannelQueues queues, ObjectMapper json, Clock clock, Duration dedupeMemory, String staffName) {
    this.queues = queues;
    this.json = json;
    this.clock = clock;
    this.dedupeMemory = dedupeMemory;
    this.staffName = staffName == null ? "" : staffName.strip();
  }

  void wakeOnQueue(LaneWorkers senders) {
    this.workers = senders;
  }

  @EventListener
  void on(ConversationUpdated update) {
    if (!TelegramUpdates.CHANNEL.equals(update.conversation().channel())) {
      return;
    }
    String chatId = update.conversation().channelUserId();
    for (OutboundMessage line : update.outbound()) {
      queue(chatId, line);
    }
  }

  /**
   * Queues the conversation's recent lines for the resident that are not queued yet. A line is
   * committed before it is queued, so an instance that dies (or loses the store) in between would
   * leave it unsent; this runs after every update a chat sends and picks such lines up. The dedupe
   * keys make it harmless for lines already queued, and only lines younger than {@code window}
   * are considered, well inside the keys' lifetime.
   */
  void catchUp(ConversationRecord conversation, List<TranscriptEntry> recentLines, Duration window) {
    Instant since = clock.instant().minus(window);
    recentLines.stream()
        .filter(e -> e.at() != null && e.at().isAfter(since))
        .map(e -> OutboundMessage.of(conversation.id(), e))
        .flatMap(java.util.Optional::stream)
        .forEach(line -> queue(conversation.channelUserId(), line));
  }

  private void queue(String chatId, OutboundMessage line) {
    List<String> parts = TelegramText.split(signed(line), TelegramText.MAX_LENGTH);
    for (int i = 0; i < parts.size(); i++) {
      boolean last = i == parts.size() - 1;
      var message = new OutgoingMessage(line.conversationId(), chatId, parts.get(i), last ? buttons(line) : List.of());
      // Keyed by transcript line and part: the same line is never queued twice.
      queue(message, "m:" + line.conversationId() + ":" + line.seq() + ":" + i);
    }
  }

  /** Queues a message that is not a transcript line (e.g. declining a group chat). */
  void queue(OutgoingMessage message, String dedupeKey) {
    queues.append(QUEUE, message.chatId(), write(message), dedupeKey, dedupeMemory, clock.instant());
    if (workers != null) {
      workers.wake();
    }
  }

  /** Staff replies say who wrote them, so a resident never mistakes a person for the bot or the reverse. */
  private String signed(OutboundMessage line) {
    if (line.sender() != Sender.AGENT) {
      return line.text();
    }
    String name = staffName.isEmpty() ? (line.author() == null ? "Council" : line.author()) : staffName;
    return name + " (council staff):\n" + line.text();
  }

  private static List<OutgoingMessage.Button> buttons(OutboundMessage line) {
    List<OutgoingMessage.Button> buttons = new ArrayList<>();
    for (int i = 0; i < line.quickReplies().size(); i++) {
      buttons.add(new OutgoingMessage.Button(line.quickReplies().get(i), line.seq() + ":" + i));
    }
    return buttons;
  }

  OutgoingMessage read(String item) {
    try {
      return json.readValue(item, OutgoingMessage.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable outgoing Telegram message in the queue", e);
    }
  }

  private String write(OutgoingMessage message) {
    try {
      return json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an outgoing Telegram message", e);
    }
  }
}
