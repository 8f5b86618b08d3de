package org.townhall.bot.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townhall.bot.store.ChannelQueues;
import org.townhall.bot.store.ChannelQueues.Claimed;

/**
 * A few threads that take due items from one {@link ChannelQueues} queue and hand them to a handler,
 * which says what happens next. Any instance's workers may take any lane, so with Redis the work
 * survives an instance and is shared by all of them. Workers sleep when nothing is due and wake
 * early when this instance queues something. Shared by the channels that deliver through a queue
 * (Telegram's updates and messages, emailed replies).
 */
public final class LaneWorkers implements AutoCloseable {

  /** What a handler decided about a claimed item. */
  public sealed interface Outcome {
    /** Handled: the lane's next item is due at {@code nextDue}. */
    record Done(Instant nextDue) implements Outcome {}

    /** Not now: the same item is due again at {@code due}. */
    record Retry(Instant due) implements Outcome {}

    /** Handled, and the lane's other items are dropped too (e.g. the recipient blocked the bot). */
    record DiscardLane() implements Outcome {}
  }

  public interface Handler {
    Outcome handle(Claimed claimed);
  }

  private static final Logger log = LoggerFactory.getLogger(LaneWorkers.class);
  private static final Duration IDLE_WAIT = Duration.ofMillis(200);
  private static final Duration STORE_DOWN_WAIT = Duration.ofSeconds(1);

  private final String queue;
  private final ChannelQueues queues;
  private final Clock clock;
  private final Duration lease;
  private final Handler handler;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final List<Thread> threads = new ArrayList<>();
  private volatile boolean running = true;

  public LaneWorkers(String queue, ChannelQueues queues, Clock clock, Duration lease, Handler handler) {
    this.queue = queue;
    this.queues = queues;
    this.clock = clock;
    this.lease = lease;
    this.handler = handler;
  }

  public void start(int count) {
    for (int i = 0; i < count; i++) {
      Thread thread = new Thread(this::run, "channel-" + queue + "-" + i);
      thread.setDaemon(true);
      threads.add(thread);
      thread.start();
    }
  }

  /** Something was queued here: look now rather than after the idle wait. */
  public void wake() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void run() {
    while (running) {
      try {
        var claimed = queues.claim(queue, clock.instant(), lease);
        if (claimed.isEmpty()) {
          idle(IDLE_WAIT);
          continue;
        }
        settle(claimed.get(), handler.handle(claimed.get()));
      } catch (RuntimeException e) {
        // The store is unreachable, or a bug: never let the worker die; the lease hands the item back.
        log.warn("{} worker: {}; trying again shortly", queue, e.toString());
        idle(STORE_DOWN_WAIT);
      }
    }
  }

  private void settle(Claimed claimed, Outcome outcome) {
    if (outcome instanceof Outcome.Done done) {
      queues.complete(queue, claimed.lane(), done.nextDue());
    } else if (outcome instanceof Outcome.Retry retry) {
      queues.retry(queue, claimed.lane(), retry.due());
    } else {
      queues.discard(queue, claimed.lane());
    }
  }

  private void idle(Duration wait) {
    lock.lock();
    try {
      if (running) {
        work.await(wait.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    running = false;
    wake();
    for (Thread thread : threads) {
      try {
        thread.join(TimeUnit.SECONDS.toMillis(10));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
