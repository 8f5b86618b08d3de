package org.townhall.bot.store;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * A lease lock on one Redis key ({@code SET NX PX} with a random token, released only by its
 * holder). If a holder dies the lease lapses; correctness never depends on the lock alone, because
 * every write is also version-checked.
 */
class RedisLeaseLock {

  private static final long RETRY_NANOS = Duration.ofMillis(5).toNanos();

  private final UnifiedJedis redis;
  private final Duration lease;
  private final Duration maxWait;

  RedisLeaseLock(UnifiedJedis redis, Duration lease, Duration maxWait) {
    this.redis = redis;
    this.lease = lease;
    this.maxWait = maxWait;
  }

  <T> T withLock(String key, Supplier<T> work) {
    String token = UUID.randomUUID().toString();
    long deadline = System.nanoTime() + maxWait.toNanos();
    SetParams params = SetParams.setParams().nx().px(lease.toMillis());
    while (!"OK".equals(RedisFailures.call(() -> redis.set(key, token, params)))) {
      if (System.nanoTime() > deadline) {
        throw new StoreUnavailableException("conversation is busy: lock " + key + " not free in " + maxWait, null);
      }
      LockSupport.parkNanos(RETRY_NANOS);
    }
    try {
      return work.get();
    } finally {
      try {
        RedisFailures.call(() -> redis.eval(RedisScripts.RELEASE_LOCK, List.of(key), List.of(token)));
      } catch (StoreUnavailableException e) {
        // Redis went away while we held the lock: the lease will lapse on its own.
      }
    }
  }
}
