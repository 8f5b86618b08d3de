package org.townhall.bot.channel.telegram;

import org.townhall.bot.conversation.Sender;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.FakeTelegramApi.Call;

/** The Telegram channel in long-polling mode, and how delivery behaves at Telegram's limits. */
class TelegramPollingIntegrationTests extends TelegramJourneyContract {

  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    // Telegram is unreachable as the bot starts: it must keep trying rather than never poll.
    telegram.failNext("deleteWebhook", 502, "Bad Gateway", null);
    bot = BotInstance.start(settings(telegram, "townhall.telegram.mode=polling", "townhall.telegram.max-attempts=4"));
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

  @Test
  void startsPollingOnceTelegramAnswersAndConfirmsEveryUpdateByOffset() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    await().atMost(PATIENCE).until(() -> telegram.unconfirmed() == 0);
    assertThat(telegram.calls("deleteWebhook")).extracting(Call::status).containsExactly(502, 200);
  }

  @Test
  void anUpdateDeliveredTwiceInOneBatchIsProcessedOnce() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    ObjectNode update = telegram.text(chat, "how do I pay my council tax");
    telegram.redeliver(update);
    telegram.text(chat, "thanks");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).contains("thanks"));

    assertThat(transcriptTexts(id).stream().filter("how do I pay my council tax"::equals).count()).isEqualTo(1);
  }

  @Test
  void aLineCommittedButNeverQueuedIsSentWhenTheResidentWritesNext() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    String id = conversationOf(chat);
    // As if the instance died between the commit and queueing the reply: committed, no event.
    ConversationRecord conversation = store().find(id).orElseThrow();
    store().commit(conversation, conversation.version(),
        List.of(TranscriptEntry.draft(Sender.BOT, "A reply committed just before a crash.", List.of(), Instant.now())));

    telegram.text(chat, "when is my bin collected");
    awaitText(chat, "A reply committed just before a crash."::equals);
    awaitText(chat, t -> t.contains("What's your postcode?"));
    assertThat(telegram.textsTo(chat).stream().filter(t -> t.startsWith("Hello, I'm")).count()).isEqualTo(1);
  }

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void residentsTextIsNeverLogged(CapturedOutput output) {
    long chat = newChat();
    telegram.text(chat, "/start");
    telegram.text(chat, "my neighbour Gwenllian Pritchard dumps rubbish");
    telegram.text(chat, "Gwenllian Pritchard again");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).contains("Gwenllian Pritchard again"));
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).size() >= 3);

    assertThat(output.getAll()).doesNotContain("Gwenllian", "Pritchard");
  }

  @Test
  void messagesToOneChatArePacedAndInOrder() {
    long chat = newChat();
    telegram.text(chat, "/start");
    telegram.text(chat, "how do I pay my council tax");
    awaitText(chat, "Did that help?"::equals);

    List<Call> sent = callsTo(chat).stream().filter(c -> c.status() == 200).toList();
    assertThat(sent.get(0).body().path("text").asText()).startsWith("Hello");
    for (int i = 1; i < sent.size(); i++) {
      // This bot's per-chat interval is 20ms (Telegram's is about 1s: the default).
      assertThat(Duration.between(sent.get(i - 1).at(), sent.get(i).at())).isGreaterThanOrEqualTo(Duration.ofMillis(19));
    }
  }

  @Test
  void aTooManyRequestsAnswerIsRetriedAfterItsRetryAfter() {
    long chat = newChat();
    telegram.failNext("sendMessage", 429, "Too Many Requests: retry after 1", 1);
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));

    List<Call> tries = callsTo(chat);
    assertThat(tries).extracting(Call::status).startsWith(429, 200);
    assertThat(Duration.between(tries.get(0).at(), tries.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }

  @Test
  void serverErrorsAreRetriedWithBackOff() {
    long chat = newChat();
    telegram.failNext("sendMessage", 502, "Bad Gateway", null);
    telegram.failNext("sendMessage", 500, "Internal Server Error", null);
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));

    assertThat(callsTo(chat)).extracting(Call::status).startsWith(502, 500, 200);
    assertThat(telegram.textsTo(chat).stream().filter(t -> t.startsWith("Hello")).count()).isEqualTo(1);
  }

  @Test
  void aResidentWhoBlockedTheBotIsNotRetriedAndStaffAreTold() {
    long chat = newChat();
    telegram.block(chat);
    telegram.text(chat, "how do I pay my council tax");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> bot().bean(StaffStore.class).notes(id).stream()
        .anyMatch(n -> n.author().equals("Telegram") && n.text().contains("blocked the bot")));
    assertThat(transcriptTexts(id)).as("a note is never a transcript line").noneMatch(t -> t.contains("blocked the bot"));

    List<Call> tries = callsTo(chat);
    assertThat(tries).isNotEmpty().allSatisfy(c -> assertThat(c.status()).isEqualTo(403));
    // Final: no message was tried twice.
    assertThat(tries.stream().map(c -> c.body().path("text").asText()).distinct().count()).isEqualTo(tries.size());
  }

  @Test
  void aReplyLongerThanTelegramAllowsIsSplitBetweenSentences() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    String id = conversationOf(chat);
    ConversationRecord conversation = store().find(id).orElseThrow();
    String sentence = "Council tax bands depend on what the property was worth in 2003. ";
    String longText = sentence.repeat(140).strip();
    bot.publish(new ConversationUpdated(conversation,
        List.of(new TranscriptEntry(9_999, Sender.BOT, longText, List.of("Yes", "No"), Instant.now(), null, List.of()))));

    await().atMost(PATIENCE).until(() -> telegram.sentTo(chat).size() >= 4);
    List<JsonNode> parts = telegram.sentTo(chat).subList(1, 4);
    assertThat(parts).allSatisfy(p -> {
      assertThat(p.path("text").asText().length()).isLessThanOrEqualTo(4096);
      assertThat(p.path("text").asText()).endsWith("2003.");
    });
    assertThat(String.join(" ", parts.stream().map(p -> p.path("text").asText()).toList())).isEqualTo(longText);
    assertThat(parts.get(0).has("reply_markup")).isFalse();
    assertThat(parts.get(2).path("reply_markup").path("inline_keyboard")).hasSize(2);
  }

  private static List<Call> callsTo(long chat) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> c.body().path("chat_id").asText().equals(Long.toString(chat)))
        .toList();
  }
}
