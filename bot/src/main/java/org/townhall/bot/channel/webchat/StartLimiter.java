package org.townhall.bot.channel.webchat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many conversations one network address may start per minute, so that a script cannot fill the
 * store with empty conversations (each is kept for the retention period). Counted per instance in
 * fixed one-minute windows: generous for a household or an office behind one address, cheap, and no
 * shared state; behind a load balancer the limit is per instance.
 */
@Component
class StartLimiter {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  // Forget old windows in bulk rather than per entry: bounded memory whatever the traffic.
  private static final int MAX_TRACKED = 100_000;

  private record Window(Instant start, AtomicInteger count) {}

  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final Clock clock;
  private final WebChatProperties properties;

  StartLimiter(Clock clock, WebChatProperties properties) {
    this.clock = clock;
    this.properties = properties;
  }

  /** Counts a start from {@code address}; false when it is over the limit for this minute. */
  boolean allow(String address) {
    Instant now = clock.instant();
    if (windows.size() > MAX_TRACKED) {
      windows.values().removeIf(w -> !w.start().plus(WINDOW).isAfter(now));
    }
    Window window = windows.compute(address, (key, current) ->
        current == null || !current.start().plus(WINDOW).isAfter(now) ? new Window(now, new AtomicInteger()) : current);
    return window.count().incrementAndGet() <= properties.startsPerMinutePerAddress();
  }
}
