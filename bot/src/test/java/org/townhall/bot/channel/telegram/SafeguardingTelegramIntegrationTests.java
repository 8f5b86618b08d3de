package org.townhall.bot.channel.telegram;

import org.townhall.bot.conversation.ConversationState;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.townhall.bot.safeguarding.SafeguardingCases;
import org.townhall.bot.safeguarding.SafeguardingCases.Case;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/**
 * Safeguarding end to end through Telegram (the real TelegramBots client against a fake Bot API on
 * loopback), with the contact centre closed: every category gets its help with the right number,
 * a person-needing one is queued urgently with the emergency duty team's number and an honest word
 * on when a person will see it, a disclosure while waiting raises the conversation again, and with
 * staff the help still reaches the resident's chat.
 */
class SafeguardingTelegramIntegrationTests {

  private static final Duration PATIENCE = TelegramJourneyContract.PATIENCE;
  private static final String EMERGENCY_DUTY_TEAM = "0300 000 0009";

  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    // Open for one nanosecond a day: closed whenever the test runs.
    bot = BotInstance.start("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00:00.000000001",
        TownhallTest.ROOMY_LIMIT, "townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
        "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.poll-timeout=1s",
        "townhall.telegram.per-chat-interval=20ms", "townhall.telegram.retry-backoff=200ms",
        "townhall.safeguarding.emergency-duty-team=" + EMERGENCY_DUTY_TEAM);
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
  }

  private static void awaitText(long chat, java.util.function.Predicate<String> wanted) {
    await().atMost(PATIENCE).until(() -> telegram.textsTo(chat).stream().anyMatch(wanted));
  }

  private static ConversationRecord conversationOf(long chat) {
    StoredConversations store = bot.stored();
    await().atMost(PATIENCE).until(() -> !store.conversationsOf("telegram", Long.toString(chat), 1).isEmpty());
    return store.find(store.conversationsOf("telegram", Long.toString(chat), 1).get(0)).orElseThrow();
  }

  private static StaffClient admin() {
    StaffClient admin = new StaffClient(bot.port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void outOfHoursEveryCategoryGetsItsHelpAndTheRightNextStep(Case c) {
    long chat = TelegramJourneyContract.newChat();

    telegram.text(chat, c.message());

    awaitText(chat, t -> t.contains(c.number()));
    if (c.handoff()) {
      awaitText(chat, t -> t.contains("emergency duty team on " + EMERGENCY_DUTY_TEAM) && t.contains("when we open"));
      ConversationRecord conversation = conversationOf(chat);
      assertThat(conversation.state()).isEqualTo(ConversationState.AWAITING_AGENT);
      assertThat(conversation.handoff().urgent()).isTrue();
      assertThat(conversation.handoff().safeguarding()).isEqualTo(c.category());
      assertThat(conversation.handoff().team()).isEqualTo(c.team());
      assertThat(conversation.handoff().reason()).isEqualTo("safeguarding,out_of_hours");
    } else {
      await().atMost(PATIENCE).until(() -> conversationOf(chat).attributes().containsKey("safeguarding.category"));
      assertThat(conversationOf(chat).state()).isEqualTo(ConversationState.BOT);
    }
    assertThat(telegram.textsTo(chat)).noneMatch(t -> t.contains("Did that help?") || t.contains("didn't understand"));
  }

  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void aDisclosureWhileWaitingRaisesTheConversation(Case c) {
    long chat = TelegramJourneyContract.newChat();
    telegram.text(chat, "/human");
    await().atMost(PATIENCE).until(() -> conversationOf(chat).state() == ConversationState.AWAITING_AGENT);
    assertThat(conversationOf(chat).handoff().urgent()).isFalse();

    telegram.text(chat, c.message());

    awaitText(chat, t -> t.contains(c.number()));
    await().atMost(PATIENCE).until(() -> c.category().equals(conversationOf(chat).handoff().safeguarding()));
    assertThat(conversationOf(chat).handoff().urgent()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void withStaffTheHelpStillReachesTheResidentsChat(Case c) {
    long chat = TelegramJourneyContract.newChat();
    telegram.text(chat, "/human");
    await().atMost(PATIENCE).until(() -> conversationOf(chat).state() == ConversationState.AWAITING_AGENT);
    String id = conversationOf(chat).id();
    StaffClient admin = admin();
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    awaitText(chat, t -> t.contains("has joined"));

    telegram.text(chat, c.message());

    awaitText(chat, t -> t.contains(c.number()));
    JsonNode seen = admin.get("/conversations/" + id).json();
    assertThat(seen.path("state").asText()).isEqualTo("WITH_AGENT");
    assertThat(seen.path("safeguarding").path("category").asText()).isEqualTo(c.category());
    assertThat(admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "resolved")).status()).isEqualTo(200);
  }

  @Test
  void theOutOfHoursLineSaysWhenAPersonWillSeeIt() {
    long chat = TelegramJourneyContract.newChat();

    telegram.text(chat, SafeguardingCases.of("suicide_self_harm").message());

    awaitText(chat, t -> t.contains("A member of our team will see this conversation when we open on"));
    List<String> texts = telegram.textsTo(chat);
    assertThat(texts.stream().filter(t -> t.contains("116 123")).findFirst())
        .hasValueSatisfying(help -> assertThat(texts.indexOf(help)).isLessThan(texts.size() - 1));
  }
}
