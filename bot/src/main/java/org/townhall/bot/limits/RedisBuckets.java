package org.townhall.bot.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.serialization.Mapper;
import io.github.bucket4j.redis.jedis.Bucket4jJedis;
import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;

/**
 * Buckets in Redis, shared by every instance: Bucket4j keeps each bucket's state under its key and
 * changes it by compare-and-swap (a Lua script), so two instances taking from one bucket at once
 * both count. A key expires shortly after its bucket would have refilled, so idle clients leave
 * nothing behind.
 */
final class RedisBuckets implements Buckets {

  /** Kept this long past the moment the bucket is full again (Bucket4j's own margin for clock drift). */
  private static final Duration KEEP_AFTER_FULL = Duration.ofSeconds(10);

  private final ProxyManager<String> proxies;

  RedisBuckets(UnifiedJedis redis, TimeMeter time) {
    this.proxies = Bucket4jJedis.casBasedBuilder(redis)
        .keyMapper(Mapper.STRING)
        .clientClock(time)
        .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_AFTER_FULL))
        .build();
  }

  @Override
  public Bucket bucket(String key, BucketConfiguration configuration) {
    return proxies.getProxy(key, () -> configuration);
  }
}
