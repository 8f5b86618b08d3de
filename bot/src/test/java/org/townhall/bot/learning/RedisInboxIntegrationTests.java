package org.townhall.bot.learning;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.townhall.bot.support.RedisServer;

/** The editors' inbox with {@code townhall.store=redis}, against a real redis-server. */
class RedisInboxIntegrationTests extends InboxContract {

  private static final RedisServer REDIS = RedisServer.start();

  @Override
  List<String> storeProperties() {
    return List.of("townhall.store=redis", "townhall.redis.url=" + REDIS.url());
  }

  @AfterAll
  static void stopRedis() {
    REDIS.close();
  }
}
