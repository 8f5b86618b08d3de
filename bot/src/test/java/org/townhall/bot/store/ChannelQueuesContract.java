package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.townhall.bot.store.ChannelQueues.Claimed;

/** What every {@link ChannelQueues} must do; run against each implementation. */
abstract class ChannelQueuesContract {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(60);
  static final Duration DAY = Duration.ofDays(1);

  abstract ChannelQueues queues();

  @Test
  void forgottenDedupeKeysLetAnItemBeQueuedAgainAndOthersStay() {
    assertThat(queues().append("out", "chat1", "a", "m:conv-1:1:0", DAY, T0)).isTrue();
    assertThat(queues().append("out", "chat1", "b", "m:conv-1:2:0", DAY, T0)).isTrue();
    assertThat(queues().append("out", "chat2", "c", "m:conv-2:1:0", DAY, T0)).isTrue();
    assertThat(queues().discard("out", "chat1")).isEqualTo(2);

    queues().forgetSeen("out", "m:conv-1:");

    assertThat(queues().append("out", "chat1", "a", "m:conv-1:1:0", DAY, T0)).isTrue();
    assertThat(queues().append("out", "chat2", "c", "m:conv-2:1:0", DAY, T0)).as("another's key stays").isFalse();
    // Nothing odd reaches a key pattern.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> queues().forgetSeen("out", "m:*"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void discardingALaneOfAQueueNeverUsedDropsNothing() {
    assertThat(queues().discard("never-used", "chat1")).isZero();
  }

  @Test
  void oneLanesItemsComeOutInOrderOneAtATime() {
    queues().append("out", "chat1", "a", null, null, T0);
    queues().append("out", "chat1", "b", null, null, T0);

    Claimed first = queues().claim("out", T0, LEASE).orElseThrow();
    assertThat(first).isEqualTo(new Claimed("chat1", "a", 0));
    // The lane is claimed: its next item waits until the head is done.
    assertThat(queues().claim("out", T0, LEASE)).isEmpty();

    queues().complete("out", "chat1", T0.plusSeconds(1));
    assertThat(queues().claim("out", T0, LEASE)).as("paced").isEmpty();
    assertThat(queues().claim("out", T0.plusSeconds(1), LEASE)).get().extracting(Claimed::item).isEqualTo("b");
    queues().complete("out", "chat1", T0.plusSeconds(2));
    assertThat(queues().size("out")).isZero();
    assertThat(queues().claim("out", T0.plusSeconds(5), LEASE)).isEmpty();
  }

  @Test
  void differentLanesDoNotWaitForEachOther() {
    queues().append("out", "chat1", "a1", null, null, T0);
    queues().append("out", "chat2", "b1", null, null, T0.plusMillis(1));

    assertThat(queues().claim("out", T0.plusMillis(1), LEASE)).get().extracting(Claimed::lane).isEqualTo("chat1");
    assertThat(queues().claim("out", T0.plusMillis(1), LEASE)).get().extracting(Claimed::lane).isEqualTo("chat2");
    assertThat(queues().size("out")).isEqualTo(2);
  }

  @Test
  void aDuplicateIsQueuedOnce() {
    assertThat(queues().append("in", "chat1", "update 7", "u:7", DAY, T0)).isTrue();
    assertThat(queues().append("in", "chat1", "update 7 again", "u:7", DAY, T0)).isFalse();
    assertThat(queues().size("in")).isEqualTo(1);
    // Dedupe keys are per queue.
    assertThat(queues().append("out", "chat1", "x", "u:7", DAY, T0)).isTrue();
  }

  @Test
  void aRetriedHeadStaysFirstAndCountsItsAttempts() {
    queues().append("out", "chat1", "a", null, null, T0);
    queues().append("out", "chat1", "b", null, null, T0);
    queues().claim("out", T0, LEASE);

    queues().retry("out", "chat1", T0.plusSeconds(3));

    assertThat(queues().claim("out", T0.plusSeconds(2), LEASE)).isEmpty();
    assertThat(queues().claim("out", T0.plusSeconds(3), LEASE)).hasValue(new Claimed("chat1", "a", 1));
    queues().complete("out", "chat1", T0.plusSeconds(3));
    assertThat(queues().claim("out", T0.plusSeconds(3), LEASE)).hasValue(new Claimed("chat1", "b", 0));
  }

  @Test
  void aClaimWhoseHolderDiedIsClaimedAgainAfterTheLease() {
    queues().append("in", "chat1", "a", null, null, T0);
    queues().claim("in", T0, LEASE);

    assertThat(queues().claim("in", T0.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
    assertThat(queues().claim("in", T0.plus(LEASE), LEASE)).get().extracting(Claimed::item).isEqualTo("a");
  }

  @Test
  void aDiscardedLaneIsGone() {
    queues().append("out", "chat1", "a", null, null, T0);
    queues().append("out", "chat1", "b", null, null, T0);
    queues().claim("out", T0, LEASE);

    assertThat(queues().discard("out", "chat1")).isEqualTo(2);

    assertThat(queues().size("out")).isZero();
    assertThat(queues().claim("out", T0.plus(DAY), LEASE)).isEmpty();
    // A later message for the same chat starts a fresh lane.
    queues().append("out", "chat1", "c", null, null, T0.plusSeconds(1));
    assertThat(queues().claim("out", T0.plusSeconds(1), LEASE)).hasValue(new Claimed("chat1", "c", 0));
  }

  @Test
  void anItemArrivingWhileALaneIsPacedWaitsForThePace() {
    queues().append("out", "chat1", "a", null, null, T0);
    queues().claim("out", T0, LEASE);
    queues().complete("out", "chat1", T0.plusSeconds(1));

    queues().append("out", "chat1", "b", null, null, T0.plusMillis(200));

    assertThat(queues().claim("out", T0.plusMillis(200), LEASE)).isEmpty();
    assertThat(queues().claim("out", T0.plusSeconds(1), LEASE)).get().extracting(Claimed::item).isEqualTo("b");
  }

  @Test
  void twoWorkersNeverHoldTheSameLane() throws Exception {
    for (int chat = 0; chat < 20; chat++) {
      for (int i = 0; i < 5; i++) {
        queues().append("out", "chat" + chat, "m" + i, null, null, T0);
      }
    }
    java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();
    java.util.List<String> clashes = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
    Runnable worker = () -> {
      while (done.get() < 100) {
        var claimed = queues().claim("out", T0, LEASE);
        if (claimed.isEmpty()) {
          continue;
        }
        if (!held.add(claimed.get().lane())) {
          clashes.add(claimed.get().lane());
        }
        held.remove(claimed.get().lane());
        queues().complete("out", claimed.get().lane(), T0);
        done.incrementAndGet();
      }
    };
    Thread a = new Thread(worker);
    Thread b = new Thread(worker);
    a.start();
    b.start();
    a.join(30_000);
    b.join(30_000);

    assertThat(clashes).isEmpty();
    assertThat(done.get()).isEqualTo(100);
    assertThat(queues().size("out")).isZero();
  }

  @Test
  void keepsTextExactly() {
    String text = "emoji 🙂, quotes \"'\\, newline\nand <b>markup</b> ✓";
    queues().append("out", "-100123", text, null, null, T0);
    assertThat(queues().claim("out", T0, LEASE)).get().extracting(Claimed::item).isEqualTo(text);
  }
}
