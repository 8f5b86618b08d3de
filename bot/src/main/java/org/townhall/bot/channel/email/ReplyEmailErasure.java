package org.townhall.bot.channel.email;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ConversationErased;
import org.townhall.bot.store.ChannelQueues;

/**
 * Replies of an erased conversation not yet emailed are dropped, with the dedupe keys naming it. On
 * every instance, email configured or not: the queue is shared in Redis.
 */
@Component
class ReplyEmailErasure {

  private final ChannelQueues queues;

  ReplyEmailErasure(ChannelQueues queues) {
    this.queues = queues;
  }

  @EventListener
  void on(ConversationErased erased) {
    String id = erased.conversation().id();
    queues.discard(ReplyEmailOutbox.QUEUE, id);
    queues.forgetSeen(ReplyEmailOutbox.QUEUE, "m:" + id + ":");
  }
}
