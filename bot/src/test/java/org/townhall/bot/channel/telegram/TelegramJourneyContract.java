package org.townhall.bot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/**
 * A resident on Telegram, through the real TelegramBots client and a fake Bot API on loopback, and a
 * member of staff on the console API. Run in polling and in webhook mode.
 */
abstract class TelegramJourneyContract {

  static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final AtomicLong CHATS = new AtomicLong(880_000_000L);

  abstract BotInstance bot();

  abstract FakeTelegramApi telegram();

  /** The settings every Telegram test bot shares, plus its own. */
  static String[] settings(FakeTelegramApi telegram, String... more) {
    List<String> all = new ArrayList<>(List.of(
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
        "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.poll-timeout=1s",
        "townhall.telegram.per-chat-interval=20ms", "townhall.telegram.retry-backoff=200ms"));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  static long newChat() {
    return CHATS.incrementAndGet();
  }

  void awaitText(long chat, Predicate<String> wanted) {
    await().atMost(PATIENCE).until(() -> telegram().textsTo(chat).stream().anyMatch(wanted));
  }

  String conversationOf(long chat) {
    await().atMost(PATIENCE).until(() -> !store().conversationsOf("telegram", Long.toString(chat), 1).isEmpty());
    return store().conversationsOf("telegram", Long.toString(chat), 1).get(0);
  }

  StoredConversations store() {
    return bot().stored();
  }

  List<String> transcriptTexts(String conversationId) {
    return store().transcript(conversationId, 0).stream().map(e -> e.text()).toList();
  }

  @Test
  void aResidentIsAnsweredPicksQuickRepliesAndAPersonsReplyReachesTheirChat() {
    long chat = newChat();
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello, I'm the council's assistant"));
    assertThat(labels(telegram().sentTo(chat).get(0))).contains("Pay council tax", "Talk to a person");

    telegram().text(chat, "how do I pay my council tax");
    String answer = bot().bean(AnswerCatalog.class).intent("council_tax_pay").orElseThrow().answer().text();
    awaitText(chat, t -> t.startsWith(answer.substring(0, Math.min(60, answer.length()))));
    awaitText(chat, "Did that help?"::equals);

    ObjectNode tap = telegram().tap(chat, "No");
    awaitText(chat, t -> t.contains("Sorry that didn't help"));
    String callbackId = tap.path("callback_query").path("id").asText();
    await().atMost(PATIENCE).until(() -> telegram().calls("answerCallbackQuery").stream()
        .anyMatch(c -> c.body().path("callback_query_id").asText().equals(callbackId)));

    telegram().tap(chat, "Talk to a person");
    awaitText(chat, t -> t.contains("member of our team"));
    // The first /start of a new resident is answered by the welcome alone.
    assertThat(telegram().textsTo(chat).stream().filter(t -> t.startsWith("Hello, I'm")).count()).isEqualTo(1);

    String id = conversationOf(chat);
    StaffClient staff = new StaffClient(bot().port());
    staff.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    JsonNode queued = findInQueue(staff, id);
    assertThat(queued.path("channel").asText()).isEqualTo("telegram");
    assertThat(staff.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    // While staff type, the resident's app shows "typing…".
    assertThat(staff.post("/conversations/" + id + "/typing").status()).isEqualTo(204);
    await().atMost(PATIENCE).until(() -> telegram().calls("sendChatAction").stream()
        .anyMatch(c -> c.body().path("chat_id").asText().equals(Long.toString(chat))
            && c.body().path("action").asText().equals("typing")));
    assertThat(staff.reply(id, "Hello, I'm Sam. I can help with your bill.").status()).isEqualTo(200);
    // Signed as residents see staff: display name (here the user name) and the team.
    awaitText(chat, "admin, Council tax team (council staff):\nHello, I'm Sam. I can help with your bill."::equals);

    // The silence rule: a sticker and an edit while staff have the conversation reach the transcript only.
    int sentBefore = telegram().textsTo(chat).size();
    ObjectNode question = telegram().text(chat, "can I pay in instalments");
    telegram().sticker(chat);
    telegram().edit(chat, question.path("message").path("message_id").asInt(), "can I pay in 10 instalments");
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).containsAll(
        List.of("can I pay in instalments", "(sent a sticker)", "(edited) can I pay in 10 instalments")));
    staff.reply(id, "Yes, you can.");
    awaitText(chat, t -> t.endsWith("Yes, you can."));
    assertThat(telegram().textsTo(chat)).hasSize(sentBefore + 1);
  }

  @Test
  void aResidentWaitingLeavesANumberToBeCalledBackThatNeverReachesTheTranscript() {
    long chat = newChat();
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    telegram().text(chat, "/callback 07700 900123");
    awaitText(chat, TelegramUpdates.CALL_BACK_NOT_NOW::equals);

    telegram().text(chat, "/human");
    awaitText(chat, t -> t.contains("member of our team"));
    telegram().text(chat, "/callback");
    awaitText(chat, TelegramUpdates.CALL_BACK_HOW::equals);
    telegram().text(chat, "/callback 12345 soon");
    awaitText(chat, t -> t.startsWith("That doesn't look like a UK phone number"));
    telegram().text(chat, "/callback +44 7700 900123 after 5pm please");
    awaitText(chat, t -> t.contains("call you back on the number you gave"));

    String id = conversationOf(chat);
    var left = store().find(id).orElseThrow().callBack();
    assertThat(left.phone()).isEqualTo("07700900123");
    assertThat(left.message()).isEqualTo("after 5pm please");
    assertThat(left.email()).isNull();
    assertThat(store().find(id).orElseThrow().state().name()).isEqualTo("AWAITING_AGENT");
    assertThat(transcriptTexts(id)).noneMatch(t -> t.contains("900123") || t.contains("12345") || t.contains("5pm"));
  }

  @Test
  void theWelcomeSaysItIsAProgramAndAfterStaffCloseTheResidentRatesWithButtons() {
    long chat = newChat();
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello, I'm the council's assistant"));
    assertThat(telegram().textsTo(chat).get(0))
        .contains("I'm an automated assistant (a computer program), not a person.")
        .endsWith("\nhttps://www.example.gov.uk/privacy/chat");

    telegram().text(chat, "/human");
    awaitText(chat, t -> t.contains("member of our team"));
    String id = conversationOf(chat);
    StaffClient staff = new StaffClient(bot().port());
    staff.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(staff.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    assertThat(staff.postJson("/conversations/" + id + "/close", java.util.Map.of("wrapUp", "resolved")).status())
        .isEqualTo(200);
    awaitText(chat, t -> t.startsWith("How satisfied are you"));
    JsonNode question = telegram().sentTo(chat).stream()
        .filter(m -> m.path("text").asText().startsWith("How satisfied are you")).findFirst().orElseThrow();
    assertThat(labels(question)).containsExactly("1", "2", "3", "4", "5");

    // Typed nonsense is asked about once; then a tap on 2 is the rating.
    telegram().text(chat, "💩");
    awaitText(chat, t -> t.startsWith("Please choose a number from 1 to 5"));
    telegram().tap(chat, "2");
    awaitText(chat, t -> t.startsWith("Thank you. Is there anything you'd like to tell us"));
    telegram().text(chat, "I waited too long. My NI number is QQ 12 34 56 C");
    awaitText(chat, t -> t.startsWith("Thank you for your feedback."));

    assertThat(store().find(id).orElseThrow().state().name()).isEqualTo("CLOSED");
    assertThat(staff.get("/conversations/" + id).json().path("satisfaction").asInt()).isEqualTo(2);
    var answers = bot().bean(org.townhall.bot.store.StaffStore.class).satisfactionEvents(10);
    assertThat(answers).anySatisfy(a -> {
      assertThat(a.channel()).isEqualTo("telegram");
      assertThat(a.comment()).isEqualTo("I waited too long. My NI number is [NI number]");
    });
    assertThat(answers).anySatisfy(a -> assertThat(a.rating()).isEqualTo(2));
    assertThat(transcriptTexts(id)).contains("I waited too long. My NI number is QQ 12 34 56 C");
  }

  @Test
  void aCallbackQuerySentAgainWithANewUpdateIdIsHandledOnce() {
    long chat = newChat();
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    JsonNode welcome = telegram().sentTo(chat).get(0);
    String data = welcome.path("reply_markup").path("inline_keyboard").get(1).get(0).path("callback_data").asText();

    telegram().tapData(chat, welcome.path("message_id").asInt(), data, "cbq-twice-" + chat);
    telegram().tapData(chat, welcome.path("message_id").asInt(), data, "cbq-twice-" + chat);
    telegram().text(chat, "thanks");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).contains("thanks"));

    assertThat(transcriptTexts(id).stream().filter("Pay council tax"::equals).count()).isEqualTo(1);
    // Deduplicated on arrival, not only by the conversation: the copy is not even answered again.
    assertThat(telegram().calls("answerCallbackQuery").stream()
        .filter(c -> c.body().path("callback_query_id").asText().equals("cbq-twice-" + chat))).hasSize(1);
  }

  @Test
  void whatTheBotCannotReadIsExplainedAndHelpSaysWhatItCanDo() {
    long chat = newChat();
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));

    telegram().photo(chat, "this pothole");
    awaitText(chat, t -> t.contains("I can't look at photos"));
    telegram().location(chat);
    awaitText(chat, t -> t.contains("please type your postcode"));
    telegram().text(chat, "/help");
    awaitText(chat, t -> t.contains("/human to talk to a person"));
    assertThat(transcriptTexts(conversationOf(chat))).contains("(sent a photo) this pothole", "(shared a location)");
  }

  @Test
  void groupChatsAreDeclinedPolitelyOnce() {
    long group = -1_000_000_000L - newChat();
    telegram().groupText(group, "/start");
    telegram().groupText(group, "hello bot");
    awaitText(group, TelegramUpdates.GROUP_DECLINED::equals);
    long privateChat = newChat();
    telegram().text(privateChat, "/start");
    awaitText(privateChat, t -> t.startsWith("Hello"));

    assertThat(telegram().textsTo(group)).hasSize(1);
    assertThat(store().conversationsOf("telegram", Long.toString(group), 5)).isEmpty();
  }

  private static List<String> labels(JsonNode sent) {
    List<String> labels = new ArrayList<>();
    sent.path("reply_markup").path("inline_keyboard").forEach(row -> row.forEach(b -> labels.add(b.path("text").asText())));
    return labels;
  }

  private static JsonNode findInQueue(StaffClient staff, String id) {
    for (JsonNode item : staff.get("/queue").json()) {
      if (item.path("conversationId").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("conversation " + id + " is not in the staff queue");
  }
}
