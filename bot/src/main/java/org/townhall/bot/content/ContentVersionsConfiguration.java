package org.townhall.bot.content;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.townhall.bot.store.RedisAccess;

/** Where content versions are kept, chosen by {@code townhall.store} like the rest of the store. */
@Configuration(proxyBeanMethods = false)
class ContentVersionsConfiguration {

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  InMemoryContentVersions inMemoryContentVersions(Clock clock) {
    return new InMemoryContentVersions(clock);
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  RedisContentVersions redisContentVersions(RedisAccess redis, Clock clock) {
    return new RedisContentVersions(redis, clock);
  }

  @Bean
  ContentReleases contentReleases(ContentProperties properties) {
    return new ContentReleases(properties);
  }
}
