package org.townhall.bot;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.TownhallTest;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** The satisfaction question with {@code townhall.store=redis}, against a real redis-server on a free port. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, "townhall.store=redis",
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        TownhallTest.ROOMY_LIMIT, TownhallTest.MANY_STARTS, TownhallTest.MANY_MESSAGES,
        TownhallTest.MANY_TELEGRAM_MESSAGES, TownhallTest.MANY_SIGN_INS_PER_USER,
        TownhallTest.MANY_SIGN_INS_PER_ADDRESS})
class RedisSatisfactionSurveyIntegrationTests extends SatisfactionSurveyContract {

  static final RedisServer REDIS = RedisServer.start();

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("townhall.redis.url", REDIS::url);
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }

  @Override
  List<String> storedForTheFigures() {
    try (RedisClient client = client()) {
      return client.lrange("th:satisfaction", 0, -1);
    }
  }

  @Override
  Set<String> storeKeys() {
    try (RedisClient client = client()) {
      return client.keys("*");
    }
  }

  private static RedisClient client() {
    return RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", REDIS.port())).build();
  }
}
