package org.townhall.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** Chooses the store by {@code townhall.store}: {@code memory} (default) or {@code redis}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisStoreProperties.class, RetentionProperties.class})
class StoreConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  static class InMemory {

    @Bean
    InMemoryConversationStore conversationStore(Clock clock, RetentionProperties retention) {
      return new InMemoryConversationStore(clock, retention.conversations(), retention.emptyConversations());
    }

    @Bean
    InMemoryStaffStore staffStore(Clock clock, RetentionProperties retention) {
      return new InMemoryStaffStore(clock, retention.conversations());
    }

    @Bean
    InMemoryChannelQueues channelQueues(Clock clock) {
      return new InMemoryChannelQueues(clock);
    }

    @Bean
    InMemoryPurge inMemoryPurge(InMemoryConversationStore store, InMemoryStaffStore staff,
        InMemoryChannelQueues queues) {
      return new InMemoryPurge(store, staff, queues);
    }
  }

  /** Redis expires keys by itself; memory needs a sweep. */
  static class InMemoryPurge {
    private final InMemoryConversationStore store;
    private final InMemoryStaffStore staff;
    private final InMemoryChannelQueues queues;

    InMemoryPurge(InMemoryConversationStore store, InMemoryStaffStore staff, InMemoryChannelQueues queues) {
      this.store = store;
      this.staff = staff;
      this.queues = queues;
    }

    @Scheduled(fixedDelayString = "PT10M")
    void purge() {
      store.purgeExpired();
      staff.purgeExpired();
      queues.purgeExpired();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "townhall.store", havingValue = "redis")
  static class Redis {

    @Bean(destroyMethod = "close")
    RedisClient redisClient(RedisStoreProperties properties) {
      var uri = properties.url();
      var clientConfig = DefaultJedisClientConfig.builder()
          .connectionTimeoutMillis((int) properties.connectTimeout().toMillis())
          .socketTimeoutMillis((int) properties.socketTimeout().toMillis())
          .user(JedisURIHelper.getUser(uri))
          .password(JedisURIHelper.getPassword(uri))
          .database(JedisURIHelper.getDBIndex(uri))
          .ssl(JedisURIHelper.isRedisSSLScheme(uri))
          .clientName("townhall")
          .build();
      var pool = new ConnectionPoolConfig();
      pool.setMaxTotal(properties.poolMaxTotal());
      return RedisClient.builder()
          .hostAndPort(JedisURIHelper.getHostAndPort(uri))
          .clientConfig(clientConfig)
          .poolConfig(pool)
          .build();
    }

    @Bean
    RedisConversationStore conversationStore(RedisClient redis, ObjectMapper json, Clock clock,
        RedisStoreProperties properties, RetentionProperties retention) {
      return new RedisConversationStore(redis, json, clock, properties.keyPrefix(), retention.conversations(),
          retention.emptyConversations(), properties.lockLease(), properties.lockWait());
    }

    @Bean
    RedisStaffStore staffStore(RedisClient redis, ObjectMapper json, RedisStoreProperties properties,
        RetentionProperties retention) {
      return new RedisStaffStore(redis, json, properties.keyPrefix(), retention.conversations());
    }

    @Bean
    RedisChannelQueues channelQueues(RedisClient redis, RedisStoreProperties properties) {
      return new RedisChannelQueues(redis, properties.keyPrefix());
    }
  }
}
