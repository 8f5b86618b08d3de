package org.townhall.bot.channel.email;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.townhall.bot.channel.LaneWorkers;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.OutboundMessage;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.store.ChannelQueues;

/**
 * Queues a staff reply for email when it is committed to a conversation whose resident left an
 * address and has gone (their chat page stopped asking). One lane per conversation, so its replies go
 * in order; each line is queued once, however often the commit is heard.
 */
class ReplyEmailOutbox {

  static final String QUEUE = "email-out";

  private final ChannelQueues queues;
  private final Conversations conversations;
  private final ObjectMapper json;
  private final Clock clock;
  private final Duration dedupeMemory;
  private LaneWorkers workers;

  ReplyEmailOutbox(ChannelQueues queues, Conversations conversations, ObjectMapper json, Clock clock,
      Duration dedupeMemory) {
    this.queues = queues;
    this.conversations = conversations;
    this.json = json;
    this.clock = clock;
    this.dedupeMemory = dedupeMemory;
  }

  void wakeOnQueue(LaneWorkers senders) {
    this.workers = senders;
  }

  @EventListener
  void on(ConversationUpdated update) {
    CallBackRequest left = update.conversation().callBack();
    if (left == null || !left.hasEmail()) {
      return;
    }
    var staffLines = update.outbound().stream().filter(line -> line.sender() == Sender.AGENT).toList();
    if (staffLines.isEmpty() || !conversations.residentGone(update.conversation())) {
      return;
    }
    for (OutboundMessage line : staffLines) {
      queues.append(QUEUE, line.conversationId(), write(new ReplyEmail(line.conversationId(), line.seq())),
          "m:" + line.conversationId() + ":" + line.seq(), dedupeMemory, clock.instant());
    }
    if (workers != null) {
      workers.wake();
    }
  }

  ReplyEmail read(String item) {
    try {
      return json.readValue(item, ReplyEmail.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("unreadable reply email in the queue", e);
    }
  }

  private String write(ReplyEmail email) {
    try {
      return json.writeValueAsString(email);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise a reply email", e);
    }
  }
}
