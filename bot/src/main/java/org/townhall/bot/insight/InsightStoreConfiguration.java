package org.townhall.bot.insight;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.townhall.bot.store.RedisAccess;

/** The counters are kept where conversations are: in memory (the default) or in Redis. */
@Configuration(proxyBeanMethods = false)
class InsightStoreConfiguration {

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  InsightStore inMemoryInsightStore(Clock clock, InsightProperties settings) {
    return new InMemoryInsightStore(clock, settings);
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  InsightStore redisInsightStore(RedisAccess redis, InsightProperties settings) {
    return new RedisInsightStore(redis, settings);
  }
}
