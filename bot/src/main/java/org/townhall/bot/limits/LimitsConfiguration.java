package org.townhall.bot.limits;

import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.RedisClient;

/** The buckets live where the store does: {@code townhall.store=memory} or {@code redis}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

  @Bean
  RateLimits rateLimits(Buckets buckets, @Value("${townhall.redis.key-prefix:th:}") String keyPrefix,
      LimitsProperties properties) {
    return new RateLimits(buckets, keyPrefix, properties);
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  LocalBuckets localBuckets(Clock clock) {
    return new LocalBuckets(time(clock));
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  RedisBuckets redisBuckets(RedisClient redis, Clock clock) {
    return new RedisBuckets(redis, time(clock));
  }

  /** The application's clock, for Bucket4j: one notion of now everywhere (and across instances, wall time). */
  static TimeMeter time(Clock clock) {
    return new TimeMeter() {
      @Override
      public long currentTimeNanos() {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
      }

      @Override
      public boolean isWallClockBased() {
        return true;
      }
    };
  }
}
