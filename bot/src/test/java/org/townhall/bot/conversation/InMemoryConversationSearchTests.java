package org.townhall.bot.conversation;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.townhall.bot.support.MutableClock;

/** Search over the in-memory store, whose own map is the index. */
class InMemoryConversationSearchTests extends ConversationSearchContract {

  private MutableClock clock;
  private InMemoryConversationStore store;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    store = new InMemoryConversationStore(clock, RETENTION, EMPTY_RETENTION);
  }

  @Override
  ConversationStore store() {
    return store;
  }

  @Override
  SearchIndex index() {
    return store;
  }

  @Override
  MutableClock clock() {
    return clock;
  }

  /** Only moves the clock: search must leave out what the ten-minute purge has not removed yet. */
  @Override
  void letTimePass(Duration duration) {
    clock.advance(duration);
  }
}
