package org.townhall.bot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.RedisServer;

/** With the Redis store, a reply waiting for Telegram survives a restart of the bot, and so does the chat's conversation. */
class TelegramRedisRestartIntegrationTests {

  private static final Duration PATIENCE = TelegramJourneyContract.PATIENCE;

  private final RedisServer redis = RedisServer.start();
  private final FakeTelegramApi telegram = FakeTelegramApi.start();
  private BotInstance bot;

  @AfterEach
  void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
    redis.close();
  }

  private BotInstance startBot() {
    return BotInstance.start(TelegramJourneyContract.settings(telegram, "townhall.store=redis",
        "townhall.redis.url=" + redis.url(), "townhall.telegram.mode=polling", "townhall.telegram.max-attempts=1000"));
  }

  @Test
  void anUpdateThatCannotBeRecordedIsNotAcknowledgedAndIsHandledWhenTheStoreIsBack() throws Exception {
    long chat = TelegramJourneyContract.newChat();
    bot = startBot();
    telegram.text(chat, "/start");
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).stream().anyMatch(t -> t.startsWith("Hello")));

    redis.stop();
    long updateId = telegram.text(chat, "how do I pay my council tax").path("update_id").asLong();
    // Not recorded, so not confirmed: the poller asks for the same update again.
    await().atMost(PATIENCE).until(() -> telegram.calls("getUpdates").stream()
        .filter(c -> c.body().path("offset").asLong() == updateId).count() >= 2);
    assertThat(telegram.unconfirmed()).isEqualTo(1);

    redis.launch();
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).contains("Did that help?"));
    await().atMost(PATIENCE).until(() -> telegram.unconfirmed() == 0);
  }

  @Test
  void aReplyQueuedWhenTheBotStopsIsDeliveredAfterItStartsAgain() {
    long chat = TelegramJourneyContract.newChat();
    bot = startBot();
    telegram.text(chat, "/start");
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).stream().anyMatch(t -> t.startsWith("Hello")));
    String conversation = bot.stored().conversationsOf("telegram", Long.toString(chat), 1).get(0);

    // Telegram is down: the answer waits in the outbound queue in Redis.
    for (int i = 0; i < 1000; i++) {
      telegram.failNext("sendMessage", 502, "Bad Gateway", null);
    }
    telegram.text(chat, "how do I pay my council tax");
    await().atMost(PATIENCE).until(() -> telegram.calls("sendMessage").stream()
        .anyMatch(c -> c.status() == 502 && c.body().path("chat_id").asText().equals(Long.toString(chat))));
    bot.close();
    bot = null;
    telegram.clearFailures();
    assertThat(telegram.textsTo(chat)).noneMatch(t -> t.equals("Did that help?"));

    bot = startBot();
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).contains("Did that help?"));
    telegram.text(chat, "thanks");
    StoredConversations store = bot.stored();
    await().atMost(PATIENCE).until(() -> store.transcript(conversation, 0).stream().anyMatch(e -> e.text().equals("thanks")));
    assertThat(store.conversationsOf("telegram", Long.toString(chat), 5)).containsExactly(conversation);
  }
}
