package org.townhall.bot;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;

/** Odd input to every endpoint with the embedded in-memory store. */
class InMemoryEndpointFuzzIntegrationTests extends EndpointFuzzContract {

  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    bot = BotInstance.start(settings(telegram));
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
}
