package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.RedisClient;

/** The channel queue contract against a real redis-server on a free loopback port. */
class RedisChannelQueuesIntegrationTests extends ChannelQueuesContract {

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;
  private RedisChannelQueues queues;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
    queues = new RedisChannelQueues(redis, "test:");
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Override
  ChannelQueues queues() {
    return queues;
  }

  @Test
  void dedupeKeysExpire() {
    queues.append("in", "chat1", "a", "u:1", java.time.Duration.ofSeconds(30), T0);
    assertThat(redis.pttl("test:q:in:seen:u:1")).isBetween(1L, 30_000L);
  }
}
