package org.townhall.bot.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.townhall.bot.store.RedisFailures;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.store.StoreUnavailableException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Takes from a limit's bucket for one client (an address, a conversation, a chat, a user name) and
 * says whether that is allowed now, and if not when to try again. The client is named in the bucket's
 * key only by its SHA-256 hash.
 */
public final class RateLimits {

  /**
   * @param allowed whether the request may go ahead
   * @param retryAfter when refused, how long until one more is allowed; zero when allowed
   */
  public record Decision(boolean allowed, Duration retryAfter) {}

  private final Buckets buckets;
  private final String keyPrefix;
  private final Map<Limit, BucketConfiguration> configurations = new EnumMap<>(Limit.class);

  RateLimits(Buckets buckets, String keyPrefix, LimitsProperties properties) {
    this.buckets = buckets;
    this.keyPrefix = keyPrefix;
    for (Limit limit : Limit.values()) {
      LimitsProperties.Rate rate = properties.of(limit);
      configurations.put(limit, BucketConfiguration.builder()
          .addLimit(Bandwidth.builder().capacity(rate.capacity()).refillGreedy(rate.count(), rate.per())
              .initialTokens(rate.capacity()).build())
          .build());
    }
  }

  /** Takes one from {@code client}'s bucket for {@code limit}. */
  public Decision take(Limit limit, String client) {
    ConsumptionProbe probe = unlessStoreDown(() -> bucket(limit, client).tryConsumeAndReturnRemaining(1));
    return probe.isConsumed()
        ? new Decision(true, Duration.ZERO)
        : new Decision(false, Duration.ofNanos(Math.max(probe.getNanosToWaitForRefill(), 1)));
  }

  /** Gives one back, e.g. for a sign-in that succeeded: only failures should use up the limit. */
  public void giveBack(Limit limit, String client) {
    unlessStoreDown(() -> {
      bucket(limit, client).addTokens(1);
      return null;
    });
  }

  private io.github.bucket4j.Bucket bucket(Limit limit, String client) {
    return buckets.bucket(keyPrefix + "limit:" + limit.keyName() + ":" + Sha256.hex(client == null ? "" : client),
        configurations.get(limit));
  }

  private static <T> T unlessStoreDown(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      // An unreachable or refusing Redis (also when Bucket4j wraps the error): the APIs' usual 503, not a 500.
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof JedisException jedis && RedisFailures.translated(jedis) instanceof StoreUnavailableException down) {
          throw down;
        }
      }
      throw e;
    }
  }
}
