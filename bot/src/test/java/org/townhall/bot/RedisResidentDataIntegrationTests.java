package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.Tuple;

/**
 * Erasure and subject access with {@code townhall.store=redis}: after an erasure, every key in Redis is
 * read (SCAN, then each by its type) and none may hold anything of the resident.
 */
class RedisResidentDataIntegrationTests extends ResidentDataContract {

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
  FakeTelegramApi telegram() {
    return telegram;
  }

  @Override
  boolean listsKeys() {
    return true;
  }

  @Override
  List<String> keysHolding(List<String> needles) {
    List<String> found = new ArrayList<>();
    try (RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", redis.port())).build()) {
      Map<String, String> all = everything(client);
      assertThat(all).as("the store holds keys: the check proves something").isNotEmpty();
      all.forEach((key, content) -> {
        String lower = (key + "\n" + content).toLowerCase();
        if (needles.stream().anyMatch(n -> lower.contains(n.toLowerCase()))) {
          found.add(key);
        }
      });
    }
    return found;
  }

  /** Every key with what it holds, read by its type, as text. */
  static Map<String, String> everything(RedisClient client) {
    Map<String, String> all = new java.util.TreeMap<>();
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = client.scan(cursor, new ScanParams().count(500));
      for (String key : page.getResult()) {
        String content = switch (client.type(key)) {
          case "string" -> client.get(key);
          case "hash" -> client.hgetAll(key).toString();
          case "list" -> String.join("\n", client.lrange(key, 0, -1));
          case "set" -> String.join("\n", client.smembers(key));
          case "zset" -> String.join("\n", client.zrangeWithScores(key, 0, -1).stream().map(Tuple::getElement).toList());
          case "none" -> "";
          default -> throw new AssertionError("a key of a type the store never writes: " + key);
        };
        all.put(key, content == null ? "" : content);
      }
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    return all;
  }

  @Test
  void theScanReadsEveryTypeOfKeySoItWouldFindWhatWasLeft() {
    try (RedisClient client = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", redis.port())).build()) {
      client.hset("th:test-hash", "f", "needle-in-hash");
      client.zadd("th:test-zset", 1, "needle-in-zset");
      client.sadd("th:test-set", "needle-in-set");
      client.rpush("th:test-list", "needle-in-list");
      client.set("th:test-string", "needle-in-string");
      try {
        assertThat(keysHolding(List.of("needle-in-hash", "needle-in-zset", "needle-in-set", "needle-in-list",
            "needle-in-string"))).containsExactlyInAnyOrder("th:test-hash", "th:test-zset", "th:test-set",
            "th:test-list", "th:test-string");
      } finally {
        client.del("th:test-hash", "th:test-zset", "th:test-set", "th:test-list", "th:test-string");
      }
    }
  }
}
