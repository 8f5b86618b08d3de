package org.townhall.bot.conversation;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.RetentionProperties;

/**
 * Where conversations are kept, chosen by {@code townhall.store} like the rest of the store: in memory
 * (the default, one instance) or in Redis (several instances), through the store's {@link RedisAccess}.
 * The conversation feature owns its records' shape; the store provides the place to keep them.
 */
@Configuration(proxyBeanMethods = false)
class ConversationStoreConfiguration {

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  InMemoryConversationStore inMemoryConversationStore(Clock clock, RetentionProperties retention) {
    return new InMemoryConversationStore(clock, retention.conversations(), retention.emptyConversations());
  }

  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  RedisConversationStore redisConversationStore(RedisAccess redis, Clock clock, RetentionProperties retention) {
    return new RedisConversationStore(redis, clock, retention.conversations(), retention.emptyConversations());
  }

  /** Search's index in Redis, written by the Redis store's commits (the in-memory store is its own). */
  @Bean
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  RedisSearchIndex redisSearchIndex(RedisAccess redis, RedisConversationStore conversations, Clock clock,
      RetentionProperties retention) {
    return new RedisSearchIndex(redis, conversations, clock, retention.conversations());
  }
}
