package org.townhall.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * Chooses the store by {@code townhall.store}: {@code memory} (default) or {@code redis}; the
 * conversation feature chooses its own store by the same setting, through {@link RedisAccess}. Staff
 * sign-in sessions live in the same store (a Spring Session repository), so that with Redis every
 * instance shares them; their lifetime is {@code server.servlet.session.timeout} without a request.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RedisStoreProperties.class, RetentionProperties.class})
class StoreConfiguration {

  private static final String SESSION_TIMEOUT = "${server.servlet.session.timeout:30m}";

  /** The JSON of what is stored and queued (see {@link StoreJson}); Spring Boot 4 no longer makes one. */
  @Bean
  ObjectMapper storeJson() {
    return StoreJson.mapper();
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "townhall.store", havingValue = "memory", matchIfMissing = true)
  static class InMemory {

    InMemory() {
      org.slf4j.LoggerFactory.getLogger(StoreConfiguration.class).warn("The in-memory store is in use: conversations, "
          + "staff accounts, the audit log and a generated administrator password are lost when the bot stops. "
          + "Set townhall.store=redis (TOWNHALL_STORE=redis) to keep them.");
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
    InMemorySessions staffSessionRepository(@Value(SESSION_TIMEOUT) Duration timeout) {
      return new InMemorySessions(timeout);
    }

    /** Health indicator {@code store}: memory is always there. */
    @Bean
    HealthIndicator storeHealthIndicator() {
      return StoreHealth.memory();
    }

    @Bean
    InMemoryPurge inMemoryPurge(InMemoryStaffStore staff, InMemoryChannelQueues queues, InMemorySessions sessions) {
      return new InMemoryPurge(staff, queues, sessions);
    }
  }

  /** Spring Session's map repository, whose expired sessions are otherwise dropped only when asked for. */
  static final class InMemorySessions extends MapSessionRepository {
    private final Map<String, Session> sessions;

    InMemorySessions(Duration timeout) {
      this(new ConcurrentHashMap<>(), timeout);
    }

    private InMemorySessions(Map<String, Session> sessions, Duration timeout) {
      super(sessions);
      this.sessions = sessions;
      setDefaultMaxInactiveInterval(timeout);
    }

    void purgeExpired() {
      sessions.values().removeIf(Session::isExpired);
    }

    /** How many sessions are held, expired or not. */
    int size() {
      return sessions.size();
    }
  }

  /** Redis expires keys by itself; memory needs a sweep. */
  static class InMemoryPurge {
    private final InMemoryStaffStore staff;
    private final InMemoryChannelQueues queues;
    private final InMemorySessions sessions;

    InMemoryPurge(InMemoryStaffStore staff, InMemoryChannelQueues queues, InMemorySessions sessions) {
      this.staff = staff;
      this.queues = queues;
      this.sessions = sessions;
    }

    @Scheduled(fixedDelayString = "PT10M")
    void purge() {
      staff.purgeExpired();
      queues.purgeExpired();
      sessions.purgeExpired();
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

    /** Health indicator {@code store}: DOWN while Redis does not answer a PING in time. */
    @Bean
    StoreHealth.Redis storeHealthIndicator(RedisClient redis, RedisStoreProperties properties) {
      return StoreHealth.redis(redis, properties.healthTimeout());
    }

    @Bean
    RedisAccess redisAccess(RedisClient redis, ObjectMapper json, RedisStoreProperties properties) {
      return new RedisAccess(redis, json, properties.keyPrefix(), properties.lockLease(), properties.lockWait());
    }

    @Bean
    RedisStaffStore staffStore(RedisClient redis, ObjectMapper json, RedisStoreProperties properties,
        RetentionProperties retention) {
      return new RedisStaffStore(redis, json, properties.keyPrefix(), retention.conversations());
    }

    @Bean
    RedisSessionRepository staffSessionRepository(RedisClient redis, RedisStoreProperties properties,
        @Value(SESSION_TIMEOUT) Duration timeout) {
      return new RedisSessionRepository(redis, properties.keyPrefix(), timeout);
    }

    @Bean
    RedisChannelQueues channelQueues(RedisClient redis, RedisStoreProperties properties) {
      return new RedisChannelQueues(redis, properties.keyPrefix());
    }
  }
}
