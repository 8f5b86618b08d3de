package org.townhall.bot.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.townhall.bot.support.BotInstance;

/** Two-step sign-in with the embedded store. */
class InMemorySecondFactorIntegrationTests extends SecondFactorIntegrationContract {

  private static BotInstance bot;

  @BeforeAll
  static void start() {
    bot = BotInstance.start(settings());
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Override
  BotInstance bot() {
    return bot;
  }
}
