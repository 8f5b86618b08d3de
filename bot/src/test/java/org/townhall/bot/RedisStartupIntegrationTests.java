package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.RedisServer;

/**
 * With the Redis store a generated administrator password is refused: it would be in one instance's
 * log only, while every instance and every restart relies on it.
 */
class RedisStartupIntegrationTests {

  @RegisterExtension
  static final RedisServer REDIS = RedisServer.perTestClass();

  @Test
  void refusesToStartWithoutAnAdministratorPasswordWhenNoAdministratorExists() {
    assertThatThrownBy(() -> BotInstance.start("townhall.store=redis", "townhall.redis.url=" + REDIS.url(),
        "townhall.security.admin-password="))
        .rootCause()
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("set TOWNHALL_ADMIN_PASSWORD");
  }
}
