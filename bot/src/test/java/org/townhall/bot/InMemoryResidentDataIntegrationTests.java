package org.townhall.bot;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;

/** Erasure and subject access on the embedded default: the in-memory store. */
class InMemoryResidentDataIntegrationTests extends ResidentDataContract {

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

  @Override
  FakeTelegramApi telegram() {
    return telegram;
  }

  @Override
  List<String> keysHolding(List<String> needles) {
    return List.of();
  }

  @Override
  boolean listsKeys() {
    return false;
  }
}
