package org.townhall.bot.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.support.FreePort;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.FakeTelegramApi.Call;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.Prometheus;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Real conversations on web chat and Telegram (through a fake Bot API), then the metrics scraped over
 * HTTP from the management port, as Prometheus would: every figure moved by exactly what happened.
 */
class MetricsIntegrationTests {

  private static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final long CHAT = 770_000_001L;

  private static FakeTelegramApi telegram;
  private static BotInstance bot;
  private static int management;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    management = FreePort.onLoopback();
    bot = BotInstance.start("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
        "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.poll-timeout=1s",
        "townhall.telegram.per-chat-interval=20ms", "townhall.telegram.retry-backoff=200ms",
        "townhall.metrics.queue-refresh=0s",
        "management.server.port=" + management, "management.server.address=127.0.0.1");
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    if (telegram != null) {
      telegram.close();
    }
  }

  @Test
  void conversationsOnBothChannelsMoveEachFigureByExactlyWhatHappened() {
    Prometheus before = Prometheus.scrape(management);

    // Web chat: one resident asks a question, then for a person; another asks for a person straight away.
    WebChatClient first = new WebChatClient(bot.port());
    assertThat(first.start().status()).isEqualTo(201);
    int firstReplies = replies(first.say("how do I pay my council tax")) + replies(first.say("can I speak to a person"));
    WebChatClient second = new WebChatClient(bot.port());
    assertThat(second.start().status()).isEqualTo(201);
    int secondReplies = replies(second.say("can I speak to a person"));
    assertThat(second.state()).isEqualTo("AWAITING_AGENT");
    // Writing again while waiting is a message in, but neither a new handoff nor one for the classifier.
    assertThat(replies(second.say("are you still there?"))).isZero();
    // Staff take the first and answer: "… has joined" from the service, then their own line.
    StaffClient staff = new StaffClient(bot.port());
    assertThat(staff.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    assertThat(staff.post("/conversations/" + first.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(staff.reply(first.conversationId, "Hello, I can help with that.").status()).isEqualTo(200);

    // Telegram: the welcome is retried once after a 502; the answer is refused for good (400).
    telegram.failNext("sendMessage", 502, "Bad Gateway", null);
    telegram.text(CHAT, "/start");
    await().atMost(PATIENCE).until(() -> telegram.textsTo(CHAT).stream().anyMatch(t -> t.startsWith("Hello")));
    telegram.failNext("sendMessage", 400, "Bad Request: can't parse entities", null);
    telegram.text(CHAT, "how do I pay my council tax");
    String chatConversation = conversationOf(CHAT);
    long telegramLines = store().transcript(chatConversation, 0).stream().filter(l -> !l.fromResident()).count();
    await().atMost(PATIENCE).until(() -> telegramLines > 1 && finished(sendsTo(CHAT)) == telegramLines);

    Prometheus after = Prometheus.scrape(management);

    assertThat(increase(before, after, "townhall_messages_in_total", "channel", "webchat")).isEqualTo(4);
    assertThat(increase(before, after, "townhall_messages_in_total", "channel", "telegram")).isEqualTo(1);
    // Two welcomes and every reply the residents were given, from the bot.
    assertThat(increase(before, after, "townhall_messages_out_total", "channel", "webchat", "sender", "bot"))
        .isEqualTo(2 + firstReplies + secondReplies);
    assertThat(increase(before, after, "townhall_messages_out_total", "channel", "webchat", "sender", "system"))
        .isEqualTo(1);
    assertThat(increase(before, after, "townhall_messages_out_total", "channel", "webchat", "sender", "agent"))
        .isEqualTo(1);
    assertThat(increase(before, after, "townhall_messages_out_total", "channel", "telegram", "sender", "bot"))
        .isEqualTo(telegramLines);

    assertThat(increase(before, after, "townhall_handoffs_total", "reason", "asked_for_person", "out_of_hours", "false"))
        .isEqualTo(2);
    assertThat(after.series("townhall_handoffs_total")).as("no other reason was counted").hasSize(1);

    // Every message the bot read with the classifier: three on web chat (not the one while waiting), one on
    // Telegram (/start is a command).
    assertThat(increase(before, after, "townhall_nlu_classification_seconds_count")).isEqualTo(4);
    assertThat(after.value("townhall_nlu_classification_seconds_sum"))
        .isGreaterThan(before.valueOrZero("townhall_nlu_classification_seconds_sum"));
    assertThat(increase(before, after, "townhall_conversation_step_seconds_count", "channel", "webchat")).isEqualTo(4);
    assertThat(increase(before, after, "townhall_conversation_step_seconds_count", "channel", "telegram"))
        .isEqualTo(1);

    List<Call> sends = sendsTo(CHAT);
    assertThat(sends).extracting(Call::status).containsOnly(200, 400, 502);
    assertThat(increase(before, after, "townhall_telegram_deliveries_total", "outcome", "retried")).isEqualTo(1);
    assertThat(increase(before, after, "townhall_telegram_deliveries_total", "outcome", "failed")).isEqualTo(1);
    assertThat(increase(before, after, "townhall_telegram_deliveries_total", "outcome", "sent"))
        .isEqualTo(telegramLines - 1)
        .isEqualTo(sends.stream().filter(c -> c.status() == 200).count());

    // The queue: the second resident waits, the first is with staff.
    assertThat(after.value("townhall_handoff_queue", "state", "waiting")).isEqualTo(1);
    assertThat(after.value("townhall_handoff_queue", "state", "with_staff")).isEqualTo(1);
    assertThat(after.value("townhall_handoff_queue_oldest_wait_seconds")).isPositive().isLessThan(600);

    // Tags carry no resident's words, conversation ids or chat ids.
    assertThat(after.text()).doesNotContain(first.conversationId, second.conversationId, chatConversation,
        Long.toString(CHAT), "council tax");
  }

  @Test
  void probesAndMetricsAnswerOnTheManagementPortOnlyAndWithoutSigningIn() {
    Http managementPort = new Http(management);
    Reply readiness = managementPort.send(managementPort.request("/actuator/health/readiness").GET());
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
    Reply liveness = managementPort.send(managementPort.request("/actuator/health/liveness").GET());
    assertThat(liveness.json().path("status").asText()).isEqualTo("UP");
    // The same text as under Spring Boot 3.5: status first (Boot 4's own endpoint mapper sorts the fields).
    assertThat(managementPort.send(managementPort.request("/actuator/health").GET()).raw().body())
        .isEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");

    // A client that accepts only JSON is told so, not given a server error.
    assertThat(managementPort.send(managementPort.request("/actuator/prometheus").GET()).status()).isEqualTo(406);

    Http publicPort = new Http(bot.port());
    assertThat(publicPort.send(publicPort.request("/actuator/prometheus").GET()).status()).isEqualTo(404);
    assertThat(publicPort.send(publicPort.request("/actuator/health").GET()).status()).isEqualTo(404);
  }

  private static int replies(Reply reply) {
    assertThat(reply.status()).isEqualTo(202);
    return reply.json().path("messages").size();
  }

  private static double increase(Prometheus before, Prometheus after, String name, String... labels) {
    return after.value(name, labels) - before.valueOrZero(name, labels);
  }

  private static StoredConversations store() {
    return bot.stored();
  }

  private static String conversationOf(long chat) {
    // The resident's line and the bot's replies are committed together: once it is there, so are they.
    await().atMost(PATIENCE).until(() -> store().conversationsOf("telegram", Long.toString(chat), 1).stream()
        .anyMatch(id -> store().transcript(id, 0).stream().anyMatch(TranscriptEntry::fromResident)));
    return store().conversationsOf("telegram", Long.toString(chat), 1).get(0);
  }

  private static List<Call> sendsTo(long chat) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> c.body().path("chat_id").asText().equals(Long.toString(chat)))
        .toList();
  }

  /** Messages that reached an end: sent, or refused for good. */
  private static long finished(List<Call> sends) {
    return sends.stream().filter(c -> c.status() == 200 || c.status() == 400).count();
  }

}
