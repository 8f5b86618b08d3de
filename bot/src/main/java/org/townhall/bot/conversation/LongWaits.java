package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.StoreUnavailableException;

/**
 * Offers a call-back to residents left waiting too long. Safe on several instances at once: the
 * offer is a compare-and-set step whose guard refuses a second offer.
 */
@Component
class LongWaits {

  private static final Logger log = LoggerFactory.getLogger(LongWaits.class);

  private final ConversationStore store;
  private final ConversationSweeps conversations;
  private final CallBackProperties properties;
  private final Clock clock;

  LongWaits(ConversationStore store, ConversationSweeps conversations, CallBackProperties properties, Clock clock) {
    this.store = store;
    this.conversations = conversations;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${townhall.conversation.call-back.sweep}")
  void offerCallBacks() {
    try {
      Instant now = clock.instant();
      for (ConversationRecord c : store.handoffQueue()) {
        if (due(c, now)) {
          conversations.offerCallBack(c.id(), properties.offerAfter());
        }
      }
    } catch (StoreUnavailableException e) {
      log.warn("Call-back sweep skipped: {}", e.getMessage());
    }
  }

  /** Waiting unclaimed for longer than the offer time, and not offered yet. */
  boolean due(ConversationRecord c, Instant now) {
    return c.state() == ConversationState.AWAITING_AGENT && c.owner() == null && c.handoff() != null
        && !c.attributes().containsKey(Attributes.CALL_BACK_REFERENCE)
        && !c.handoff().waitingSince().plus(properties.offerAfter()).isAfter(now);
  }
}
