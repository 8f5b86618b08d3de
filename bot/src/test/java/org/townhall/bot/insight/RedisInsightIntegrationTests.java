package org.townhall.bot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.TownhallTest;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * The figures with {@code townhall.store=redis}, against a real redis-server: the same script, and
 * what the counters look like in Redis (a hash per day that expires, hashed marks, no resident's id).
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK,
    properties = {TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, "townhall.conversation.idle-sweep=1h",
        "townhall.store=redis"})
@Import(InsightContract.MovableTime.class)
class RedisInsightIntegrationTests extends InsightContract {

  static final RedisServer REDIS = RedisServer.start();

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("townhall.redis.url", REDIS::url);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  /** A hash per day that expires, hashed marks, and no resident's id or words anywhere. */
  @Override
  void whatTheStoreHolds() {
    try (RedisClient redis = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", REDIS.port())).build()) {
      Set<String> keys = redis.keys("th:insight:*");
      assertThat(keys).contains("th:insight:day:2026-11-23", "th:insight:day:2026-11-24", "th:insight:salt");
      assertThat(keys).allMatch(k -> k.matches("th:insight:(day:[0-9]{4}-[0-9]{2}-[0-9]{2}|salt|mark:[0-9a-f]{64})"));
      assertThat(keys.stream().filter(k -> k.startsWith("th:insight:mark:"))).as("A (twice), B, and the two Telegram chats").hasSize(4);
      long ttlDays = redis.pttl("th:insight:day:2026-11-23") / 86_400_000L;
      assertThat(ttlDays).as("400 days' retention, plus the day itself").isBetween(400L, 401L);
      String fields = redis.hgetAll("th:insight:day:2026-11-23").keySet().toString();
      assertThat(fields).contains("contacts|webchat|council-tax|-", "handoff|webchat|housing|safeguarding")
          .doesNotContain("111", "222", "plorf", "council tax");
    }
  }
}
