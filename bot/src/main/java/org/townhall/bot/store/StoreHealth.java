package org.townhall.bot.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import redis.clients.jedis.UnifiedJedis;

/**
 * The {@code store} health indicator, part of readiness: DOWN while the configured store cannot be
 * reached, so a load balancer sends residents to an instance that can serve them. Redis is asked
 * {@code PING} through the store's own client and must answer within {@code townhall.redis.health-timeout};
 * at most one PING is in flight, however often the probe asks. The in-memory store is always UP.
 */
final class StoreHealth {

  private StoreHealth() {}

  static HealthIndicator memory() {
    return () -> Health.up().withDetail("store", "memory").build();
  }

  static Redis redis(UnifiedJedis redis, Duration timeout) {
    return new Redis(redis, timeout);
  }

  static final class Redis implements HealthIndicator, DisposableBean {

    private final UnifiedJedis redis;
    private final Duration timeout;
    private final ExecutorService pinger = Executors.newSingleThreadExecutor(r -> {
      Thread thread = new Thread(r, "store-health");
      thread.setDaemon(true);
      return thread;
    });
    private CompletableFuture<String> inFlight;

    private Redis(UnifiedJedis redis, Duration timeout) {
      this.redis = redis;
      this.timeout = timeout;
    }

    @Override
    public Health health() {
      Health.Builder health = Health.down().withDetail("store", "redis");
      try {
        ping().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return Health.up().withDetail("store", "redis").build();
      } catch (TimeoutException e) {
        return health.withDetail("error", "no answer to PING within " + timeout).build();
      } catch (ExecutionException e) {
        // The exception's class only: its message may name the server.
        return health.withDetail("error", e.getCause().getClass().getSimpleName()).build();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return health.build();
      }
    }

    /** The PING still waiting for an answer, or a new one. */
    private synchronized CompletableFuture<String> ping() {
      if (inFlight == null || inFlight.isDone()) {
        inFlight = CompletableFuture.supplyAsync(redis::ping, pinger);
      }
      return inFlight;
    }

    @Override
    public void destroy() {
      pinger.shutdownNow();
    }
  }
}
