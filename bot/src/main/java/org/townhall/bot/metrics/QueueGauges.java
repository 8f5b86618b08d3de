package org.townhall.bot.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.store.StoreUnavailableException;

/**
 * The handoff queue as gauges: conversations waiting for staff and with staff
 * ({@code townhall.handoff.queue}, tag {@code state}) and how long the longest-waiting unclaimed one
 * has waited ({@code townhall.handoff.queue.oldest.wait}, 0 when nobody waits). The queue is shared, so
 * every instance reports the same figures. It is read at most every {@code townhall.metrics.queue-refresh},
 * however many scrapers ask; while the store cannot be read the gauges are NaN (no figure), not 0.
 */
@Component
class QueueGauges {

  private static final Logger log = LoggerFactory.getLogger(QueueGauges.class);

  /** The queue as last read; {@code read} is a {@link System#nanoTime()} reading. */
  private record Snapshot(long read, double waiting, double withStaff, double oldestWaitSeconds) {}

  private final Conversations store;
  private final Clock clock;
  private final long refreshNanos;
  private Snapshot last;

  QueueGauges(Conversations store, Clock clock, MetricsProperties settings, MeterRegistry meters) {
    this.store = store;
    this.clock = clock;
    this.refreshNanos = settings.queueRefresh().toNanos();
    Gauge.builder("townhall.handoff.queue", this, g -> g.snapshot().waiting())
        .description("Conversations in the handoff queue, by state")
        .tag("state", "waiting")
        .register(meters);
    Gauge.builder("townhall.handoff.queue", this, g -> g.snapshot().withStaff())
        .description("Conversations in the handoff queue, by state")
        .tag("state", "with_staff")
        .register(meters);
    TimeGauge.builder("townhall.handoff.queue.oldest.wait", this, TimeUnit.SECONDS,
            g -> g.snapshot().oldestWaitSeconds())
        .description("How long the longest-waiting unclaimed conversation has waited")
        .register(meters);
  }

  private synchronized Snapshot snapshot() {
    long now = System.nanoTime();
    if (last == null || now - last.read() >= refreshNanos) {
      last = read(now);
    }
    return last;
  }

  private Snapshot read(long nanos) {
    try {
      Instant now = clock.instant();
      int waiting = 0;
      int withStaff = 0;
      Duration oldest = Duration.ZERO;
      for (ConversationRecord conversation : store.handoffQueue()) {
        if (conversation.owner() != null) {
          withStaff++;
          continue;
        }
        waiting++;
        Duration waited = Duration.between(conversation.handoff().waitingSince(), now);
        if (waited.compareTo(oldest) > 0) {
          oldest = waited;
        }
      }
      return new Snapshot(nanos, waiting, withStaff, oldest.toMillis() / 1000.0);
    } catch (StoreUnavailableException e) {
      log.debug("Queue gauges not read: {}", e.getMessage());
      return new Snapshot(nanos, Double.NaN, Double.NaN, Double.NaN);
    }
  }
}
