package org.townhall.bot.limits;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class InMemoryLimitsIntegrationTests extends LimitsIntegrationContract {

  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    bot = BotInstance.start(settings(telegram).toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
  }

  @Override
  BotInstance bot() {
    return bot;
  }

  @Override
  FakeTelegramApi telegram() {
    return telegram;
  }
}
