package org.townhall.bot.conversation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.StoreUnavailableException;

/**
 * Closes conversations that have been idle with the bot for longer than the idle timeout. Safe on
 * several instances at once: each time-out re-checks the deadline under the conversation's lock.
 */
@Component
class IdleConversations {

  private static final Logger log = LoggerFactory.getLogger(IdleConversations.class);
  private static final int BATCH = 200;

  private final ConversationStore store;
  private final ConversationSweeps conversations;
  private final java.time.Clock clock;

  IdleConversations(ConversationStore store, ConversationSweeps conversations, java.time.Clock clock) {
    this.store = store;
    this.conversations = conversations;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${townhall.conversation.idle-sweep}")
  void closeIdle() {
    try {
      for (String id : store.idleSince(clock.instant(), BATCH)) {
        conversations.timeOutIfIdle(id);
      }
    } catch (StoreUnavailableException e) {
      log.warn("Idle sweep skipped: {}", e.getMessage());
    }
  }
}
