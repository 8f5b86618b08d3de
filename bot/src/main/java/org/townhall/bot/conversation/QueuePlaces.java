package org.townhall.bot.conversation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.townhall.bot.handoff.HandoffQueue;

/** The handoff queue as the handoff feature's wait estimates read it. */
@Component
class QueuePlaces implements HandoffQueue {

  private final ConversationStore store;

  QueuePlaces(ConversationStore store) {
    this.store = store;
  }

  @Override
  public List<Place> places() {
    return store.handoffQueue().stream().map(c -> new Place(c.id(), c.owner(), c.handoff())).toList();
  }
}
