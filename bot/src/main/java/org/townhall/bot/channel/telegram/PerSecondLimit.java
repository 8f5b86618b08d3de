package org.townhall.bot.channel.telegram;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Spaces calls evenly so that at most {@code perSecond} start in any second (Telegram's overall limit). */
final class PerSecondLimit {

  private final long intervalNanos;
  private long nextFree = System.nanoTime();

  PerSecondLimit(int perSecond) {
    this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
  }

  /** Waits for this caller's slot. */
  void acquire() {
    long slot;
    synchronized (this) {
      long now = System.nanoTime();
      slot = Math.max(now, nextFree);
      nextFree = slot + intervalNanos;
    }
    long wait;
    while ((wait = slot - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
      if (Thread.currentThread().isInterrupted()) {
        return;
      }
    }
  }
}
