package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.MutableClock;

class InMemoryConversationStoreTests extends ConversationStoreContract {

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
  void letTimePass(Duration duration) {
    clock.advance(duration);
    store.purgeExpired();
  }

  @Test
  void purgesConversationsIdleForLongerThanTheRetentionPeriod() {
    store.commit(fresh("old"), 0, List.of(line(Sender.RESIDENT, "hello")));
    clock.set(T0.plus(Duration.ofDays(89)));
    store.commit(fresh("recent"), 0, List.of(line(Sender.RESIDENT, "hello")));
    store.markDelivered("msg:old:1", Duration.ofDays(1));

    clock.set(T0.plus(Duration.ofDays(91)));
    store.purgeExpired();

    assertThat(store.find("old")).isEmpty();
    assertThat(store.transcript("old", 0)).isEmpty();
    assertThat(store.find("recent")).isPresent();
    assertThat(store.wasDelivered("msg:old:1")).isFalse();
  }
}
