package org.townhall.bot.channel.telegram;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ConversationErased;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ResidentToldOfErasure;
import org.townhall.bot.store.ChannelQueues;

/**
 * What the Telegram channel keeps of an erased conversation, deleted: the chat's updates not yet
 * processed and messages not yet sent (they hold the resident's words and the chat id), and the
 * dedupe keys naming the conversation or the chat; then, when they asked themselves, the resident
 * is told what was deleted and what is kept. On every instance, Telegram enabled or not: the queues are shared in Redis.
 */
@Component
class TelegramErasure {

  private final ChannelQueues queues;
  private final ObjectProvider<TelegramOutbox> outbox;

  TelegramErasure(ChannelQueues queues, ObjectProvider<TelegramOutbox> outbox) {
    this.queues = queues;
    this.outbox = outbox;
  }

  @EventListener
  void on(ConversationErased erased) {
    ConversationRecord conversation = erased.conversation();
    String chat = conversation.channelUserId();
    // A chat id is a number: anything else never named a lane, and must not reach a key pattern.
    if (!TelegramUpdates.CHANNEL.equals(conversation.channel()) || !chat.matches("-?[0-9]{1,20}")) {
      return;
    }
    queues.discard(TelegramInbox.QUEUE, chat);
    queues.discard(TelegramOutbox.QUEUE, chat);
    queues.forgetSeen(TelegramOutbox.QUEUE, "m:" + conversation.id() + ":");
    queues.forgetSeen(TelegramOutbox.QUEUE, "callback:" + chat + ":");
    queues.forgetSeen(TelegramOutbox.QUEUE, "slow:" + chat + ":");
  }

  @EventListener
  void on(ResidentToldOfErasure told) {
    if (TelegramUpdates.CHANNEL.equals(told.channel())) {
      // No dedupe key: it would name the chat, and the erasure publishes this once.
      outbox.ifAvailable(o -> o.queue(new OutgoingMessage(null, told.channelUserId(), told.text(), List.of()), null));
    }
  }
}
