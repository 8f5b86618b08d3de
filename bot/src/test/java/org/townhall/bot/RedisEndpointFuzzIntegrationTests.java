package org.townhall.bot;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** Odd input to every endpoint with the Redis store; afterwards every key must be one of the store's own. */
class RedisEndpointFuzzIntegrationTests extends EndpointFuzzContract {

  private static RedisServer redis;
  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    telegram = FakeTelegramApi.start();
    bot = BotInstance.start(settings(telegram, "townhall.store=redis", "townhall.redis.url=" + redis.url()));
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
    redis.close();
  }

  @Override
  BotInstance bot() {
    return bot;
  }

  @Override
  Set<String> storeKeys() {
    try (RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", redis.port())).build()) {
      Set<String> keys = client.keys("*");
      if (keys.isEmpty()) {
        throw new AssertionError("the Redis store holds no keys at all: the check would prove nothing");
      }
      return keys;
    }
  }
}
