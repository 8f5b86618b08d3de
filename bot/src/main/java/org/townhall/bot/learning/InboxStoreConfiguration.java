package org.townhall.bot.learning;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.townhall.bot.store.RedisAccess;

/** The inbox is kept where conversations are: in memory (the default) or in Redis. */
@Configuration(proxyBeanMethods = false)
class InboxStoreConfiguration {

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  InboxStore inMemoryInboxStore(Clock clock, LearningProperties settings) {
    return new InMemoryInboxStore(clock, settings);
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  InboxStore redisInboxStore(RedisAccess redis, Clock clock, LearningProperties settings) {
    return new RedisInboxStore(redis, clock, settings);
  }
}
