package org.townhall.bot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The embedded channel queues: in this process's memory, gone on restart (like the embedded store). */
class InMemoryChannelQueues implements ChannelQueues {

  private static final class Lane {
    final Deque<String> items = new ArrayDeque<>();
    Instant due;
    int attempts;
  }

  private final Map<String, Map<String, Lane>> queues = new HashMap<>();
  private final Map<String, Instant> seen = new HashMap<>();
  private final Clock clock;

  InMemoryChannelQueues(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized boolean append(String queue, String lane, String item, String dedupeKey, Duration dedupeTtl,
      Instant due) {
    if (dedupeKey != null) {
      String key = queue + ":" + dedupeKey;
      Instant expiry = seen.get(key);
      Instant now = clock.instant();
      if (expiry != null && expiry.isAfter(now)) {
        return false;
      }
      seen.put(key, now.plus(dedupeTtl));
    }
    Lane l = queues.computeIfAbsent(queue, q -> new HashMap<>()).computeIfAbsent(lane, k -> new Lane());
    l.items.addLast(item);
    if (l.due == null) {
      l.due = due;
    }
    return true;
  }

  @Override
  public synchronized Optional<Claimed> claim(String queue, Instant now, Duration lease) {
    Map<String, Lane> lanes = queues.getOrDefault(queue, Map.of());
    lanes.values().removeIf(l -> l.items.isEmpty() && l.due != null && !l.due.isAfter(now));
    return lanes.entrySet().stream()
        .filter(e -> !e.getValue().items.isEmpty() && !e.getValue().due.isAfter(now))
        .min(Comparator.comparing(e -> e.getValue().due))
        .map(e -> {
          e.getValue().due = now.plus(lease);
          return new Claimed(e.getKey(), e.getValue().items.peekFirst(), e.getValue().attempts);
        });
  }

  @Override
  public synchronized void forgetSeen(String queue, String keyPrefix) {
    String start = queue + ":" + RedisChannelQueues.safePrefix(keyPrefix);
    seen.keySet().removeIf(key -> key.startsWith(start));
  }

  @Override
  public synchronized void complete(String queue, String lane, Instant nextDue) {
    Lane l = queues.getOrDefault(queue, Map.of()).get(lane);
    if (l != null) {
      l.items.pollFirst();
      l.attempts = 0;
      l.due = nextDue;
    }
  }

  @Override
  public synchronized void retry(String queue, String lane, Instant due) {
    Lane l = queues.getOrDefault(queue, Map.of()).get(lane);
    if (l != null) {
      l.attempts++;
      l.due = due;
    }
  }

  @Override
  public synchronized long discard(String queue, String lane) {
    Map<String, Lane> lanes = queues.get(queue);
    // A queue nothing was ever appended to has no lanes (and Map.of() refuses remove).
    Lane l = lanes == null ? null : lanes.remove(lane);
    return l == null ? 0 : l.items.size();
  }

  @Override
  public synchronized long size(String queue) {
    return queues.getOrDefault(queue, Map.of()).values().stream().mapToLong(l -> l.items.size()).sum();
  }

  /** Forgets expired dedupe keys; called with the store's purge. */
  synchronized void purgeExpired() {
    Instant now = clock.instant();
    seen.values().removeIf(expiry -> !expiry.isAfter(now));
  }
}
