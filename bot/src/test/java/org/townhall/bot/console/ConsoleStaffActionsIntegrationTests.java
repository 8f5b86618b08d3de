package org.townhall.bot.console;

import org.townhall.bot.conversation.ConversationSweeps;
import org.townhall.bot.conversation.ResidentMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The staff actions through the console API, with the resident's side seen through the public web
 * chat API: notes stay internal, transfers and closes are told to the resident, the kill switch,
 * presence and the per-person limit.
 */
@TownhallTest
class ConsoleStaffActionsIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  ConsoleProperties properties;

  @Autowired
  Conversations conversations;

  @Autowired
  ResidentMessages residents;

  @Autowired
  ConversationSweeps sweeps;

  @Autowired
  StaffStore staffStore;

  private WebChatClient waitingResident(String... messages) {
    WebChatClient resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    for (String message : messages) {
      assertThat(resident.say(message).status()).isEqualTo(202);
    }
    assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    return resident;
  }

  private StaffClient admin() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  private StaffClient newAgent(String username) {
    assertThat(admin().postJson("/admin/staff", Map.of("username", username, "password", username + "-password",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    StaffClient agent = new StaffClient(port);
    assertThat(agent.signIn(username, username + "-password").status()).isEqualTo(302);
    return agent;
  }

  private static List<String> texts(JsonNode lines) {
    List<String> texts = new ArrayList<>();
    lines.forEach(l -> texts.add(l.path("text").asText()));
    return texts;
  }

  @Test
  void internalNotesAreShownToStaffAndNeverToTheResident() {
    WebChatClient resident = waitingResident();
    StaffClient admin = admin();
    String id = resident.conversationId;
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    JsonNode withNote = admin.postJson("/conversations/" + id + "/notes",
        Map.of("text", "INTERNAL: resident sounded upset; check the tenancy file")).json();
    assertThat(admin.reply(id, "Hello, how can I help?").status()).isEqualTo(200);

    assertThat(texts(withNote.path("notes"))).containsExactly("INTERNAL: resident sounded upset; check the tenancy file");
    assertThat(withNote.path("notes").get(0).path("author").asText()).isEqualTo("admin");
    assertThat(admin.get("/conversations/" + id + "/notes").json()).hasSize(1);
    String everythingTheResidentCanRead = resident.messages(0).raw().body();
    assertThat(everythingTheResidentCanRead).contains("Hello, how can I help?").doesNotContain("INTERNAL", "tenancy");
    assertThat(texts(admin.get("/conversations/" + id).json().path("transcript")))
        .noneMatch(t -> t.contains("INTERNAL"));
    assertThat(admin.postJson("/conversations/" + id + "/notes", Map.of("text", " ")).status()).isEqualTo(400);
    assertThat(admin.postJson("/conversations/unknown/notes", Map.of("text", "x")).status()).isEqualTo(404);
  }

  @Test
  void theConversationViewShowsWhatTheBotKnew() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("when is my bin collected");
    resident.say("CF10 1EP");
    resident.say("No");
    resident.say("talk to a person");
    JsonNode bot = admin().get("/conversations/" + resident.conversationId).json().path("bot");

    assertThat(bot.path("intent").asText()).isEqualTo("bin_collection_day");
    assertThat(bot.path("slots").path("postcode").asText()).isEqualTo("CF10 1EP");
    assertThat(bot.path("answersGiven").toString()).contains("bin_collection_day").contains("\"helped\":\"no\"");
    assertThat(bot.path("guesses").size()).isPositive();
    assertThat(bot.path("guesses").get(0).path("confidence").asDouble()).isBetween(0.0, 1.0);
    assertThat(bot.path("suggestions").get(0).path("text").asText()).isNotBlank();
    assertThat(bot.path("cannedResponses").size()).isPositive();
  }

  @Test
  void aTransferRequeuesForTheOtherTeamAndTellsTheResident() {
    WebChatClient resident = waitingResident("how do I pay my council tax");
    StaffClient admin = admin();
    String id = resident.conversationId;
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    String waitingSince = admin.get("/conversations/" + id).json().path("handoff").path("waitingSince").asText();

    assertThat(admin.postJson("/conversations/" + id + "/transfer", Map.of("team", "no-such-team")).status())
        .isEqualTo(400);
    JsonNode moved = admin.postJson("/conversations/" + id + "/transfer", Map.of("team", "housing")).json();

    assertThat(moved.path("state").asText()).isEqualTo("AWAITING_AGENT");
    assertThat(moved.path("owner").isMissingNode() || moved.path("owner").isNull()).isTrue();
    assertThat(moved.path("handoff").path("team").asText()).isEqualTo("housing");
    assertThat(moved.path("handoff").path("waitingSince").asText()).as("keeps their place").isEqualTo(waitingSince);
    assertThat(resident.last("system")).contains("housing team");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
  }

  @Test
  void closingNeedsAWrapUpCodeAndTellsTheResident() {
    WebChatClient resident = waitingResident();
    StaffClient admin = admin();
    String id = resident.conversationId;
    admin.post("/conversations/" + id + "/claim");
    assertThat(admin.reply(id, "I'll call you back this afternoon.").status()).isEqualTo(200);

    assertThat(admin.post("/conversations/" + id + "/close").status()).isEqualTo(400);
    assertThat(admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "sorted")).status()).isEqualTo(400);
    JsonNode closed = admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "call_back")).json();

    assertThat(closed.path("state").asText()).isEqualTo("CLOSED");
    assertThat(closed.path("bot").path("wrapUp").asText()).isEqualTo("call_back");
    assertThat(resident.state()).isEqualTo("CLOSED");
    assertThat(resident.last("system")).contains("This conversation has ended");
    JsonNode history = closed.path("history");
    assertThat(history.get(history.size() - 1).path("action").asText()).isEqualTo("close");
    assertThat(history.get(history.size() - 1).path("detail").asText()).isEqualTo("call_back");
  }

  @Test
  void theFirstReplyRecordsTheFirstResponseTime() {
    java.time.Instant testStarted = java.time.Instant.now();
    WebChatClient resident = waitingResident();
    StaffClient admin = admin();
    admin.post("/conversations/" + resident.conversationId + "/claim");
    assertThat(admin.get("/conversations/" + resident.conversationId).json().path("bot").has("firstResponseSeconds"))
        .isFalse();
    JsonNode replied = admin.reply(resident.conversationId, "Hello").json();
    long waitedAtMost = java.time.Duration.between(testStarted, java.time.Instant.now()).toSeconds() + 1;
    assertThat(replied.path("bot").path("firstResponseSeconds").isIntegralNumber()).isTrue();
    assertThat(replied.path("bot").path("firstResponseSeconds").asLong()).isBetween(0L, waitedAtMost);
  }

  @Test
  void whilePausedTheBotAnswersNobodyAndResidentsGoStraightToTheQueue() {
    StaffClient admin = admin();
    assertThat(admin.postJson("/admin/pause", Map.of("reason", "  ")).status()).isEqualTo(400);
    assertThat(admin.postJson("/admin/pause", Map.of()).status()).isEqualTo(400);
    try {
      JsonNode paused = admin.postJson("/admin/pause", Map.of("reason", "Wrong council tax dates")).json();
      assertThat(paused.path("paused").asBoolean()).isTrue();
      assertThat(admin.get("/me").json().path("botPause").path("reason").asText()).isEqualTo("Wrong council tax dates");

      WebChatClient resident = new WebChatClient(port);
      resident.start();
      assertThat(resident.say("how do I pay my council tax").status()).isEqualTo(202);
      assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
      assertThat(resident.last("bot")).contains("switched off");
      JsonNode queued = admin.get("/conversations/" + resident.conversationId).json();
      assertThat(queued.path("handoff").path("reason").asText()).startsWith("bot_paused");
      assertThat(queued.path("handoff").path("topic").asText()).as("routed by the bot's guess")
          .isEqualTo("council_tax_pay");
      // There is no bot to go back to: no such choice, and "cancel" is a message for staff.
      assertThat(resident.messages(0).json().path("messages").findValues("options").toString())
          .doesNotContain("Back to the bot");
      assertThat(resident.say("cancel").status()).isEqualTo(202);
      assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
      assertThat(admin.get("/conversations/" + resident.conversationId).json().path("handoff").path("topic").asText())
          .as("still in the right team's queue").isEqualTo("council_tax_pay");
    } finally {
      assertThat(admin.post("/admin/resume").status()).isEqualTo(200);
    }
    JsonNode audit = admin.get("/admin/audit?limit=20").json();
    List<String> actions = new ArrayList<>();
    audit.forEach(e -> actions.add(e.path("action").asText() + ":" + e.path("detail").asText()));
    assertThat(actions).containsSubsequence("resume:", "pause:Wrong council tax dates");

    WebChatClient after = new WebChatClient(port);
    after.start();
    after.say("how do I pay my council tax");
    assertThat(after.state()).isEqualTo("BOT");
  }

  @Test
  void someoneAwayOrAtTheirLimitCannotClaimAndIsToldWhy() {
    StaffClient agent = newAgent("limits");
    assertThat(agent.postJson("/presence", Map.of("presence", "out to lunch")).status()).isEqualTo(400);
    assertThat(agent.postJson("/presence", Map.of("presence", "away")).json().path("presence").asText())
        .isEqualTo("away");
    WebChatClient first = waitingResident();
    var refused = agent.post("/conversations/" + first.conversationId + "/claim");
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json().path("error").asText()).contains("away");

    agent.postJson("/presence", Map.of("presence", "available"));
    int limit = properties.maxConversationsPerAgent();
    assertThat(agent.post("/conversations/" + first.conversationId + "/claim").status()).isEqualTo(200);
    for (int i = 1; i < limit; i++) {
      assertThat(agent.post("/conversations/" + waitingResident().conversationId + "/claim").status()).isEqualTo(200);
    }
    assertThat(agent.get("/me").json().path("conversations").asLong()).isEqualTo(limit);
    WebChatClient oneTooMany = waitingResident();
    var overLimit = agent.post("/conversations/" + oneTooMany.conversationId + "/claim");
    assertThat(overLimit.status()).isEqualTo(409);
    assertThat(overLimit.json().path("error").asText()).contains("the most you can have at once");
    assertThat(oneTooMany.state()).isEqualTo("AWAITING_AGENT");
  }

  @Test
  void theResidentSeesStaffTypingUntilTheReplyArrivesAndOnlyTheOwnersTypingCounts() {
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;
    StaffClient owner = newAgent("typist");
    StaffClient other = newAgent("onlooker");
    assertThat(owner.post("/conversations/" + id + "/typing").status()).as("not claimed yet").isEqualTo(409);
    assertThat(owner.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    assertThat(resident.messages(0).json().path("staffTyping").asBoolean()).isFalse();

    assertThat(other.post("/conversations/" + id + "/typing").status()).isEqualTo(409);
    assertThat(resident.messages(0).json().path("staffTyping").asBoolean()).isFalse();
    assertThat(owner.post("/conversations/" + id + "/typing").status()).isEqualTo(204);
    assertThat(resident.messages(0).json().path("staffTyping").asBoolean()).isTrue();

    assertThat(owner.reply(id, "Here I am").status()).isEqualTo(200);
    assertThat(resident.messages(0).json().path("staffTyping").asBoolean()).as("the reply ends it").isFalse();
    assertThat(owner.post("/conversations/nope/typing").status()).isEqualTo(404);
    assertThat(owner.get("/conversations/" + id).json().path("history").toString()).doesNotContain("typing");
  }

  @Test
  void claimsSentAtOnceStillStopAtThePersonsLimit() throws Exception {
    StaffClient agent = newAgent("rush");
    int limit = properties.maxConversationsPerAgent();
    List<String> waiting = new java.util.ArrayList<>();
    for (int i = 0; i < limit + 3; i++) {
      waiting.add(waitingResident().conversationId);
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(waiting.size());
    try {
      var go = new java.util.concurrent.CountDownLatch(1);
      List<java.util.concurrent.Future<Integer>> claims = new java.util.ArrayList<>();
      for (String id : waiting) {
        claims.add(pool.submit(() -> {
          go.await();
          return agent.post("/conversations/" + id + "/claim").status();
        }));
      }
      go.countDown();
      List<Integer> statuses = new java.util.ArrayList<>();
      for (var claim : claims) {
        statuses.add(claim.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      assertThat(statuses.stream().filter(s -> s == 200).count()).as("%s", statuses).isEqualTo(limit);
      assertThat(statuses.stream().filter(s -> s == 409).count()).isEqualTo(3);
      assertThat(agent.get("/me").json().path("conversations").asLong()).isEqualTo(limit);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void staffAccountsAreManagedByTheAdminWithHashedPasswords() {
    StaffClient admin = admin();
    assertThat(admin.postJson("/admin/staff", Map.of("username", "Bad Name", "password", "long-enough-pass",
        "roles", List.of("AGENT"))).status()).isEqualTo(400);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "shorty", "password", "short",
        "roles", List.of("AGENT"))).status()).isEqualTo(400);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "shorty", "password", "long-enough-pass",
        "roles", List.of("KING"))).status()).isEqualTo(400);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "admin", "roles", List.of("AGENT"))).status())
        .as("no locking yourself out").isEqualTo(400);

    StaffClient agent = newAgent("dora");
    String list = admin.get("/admin/staff").raw().body();
    assertThat(list).contains("\"username\":\"dora\"").doesNotContain("password", "bcrypt", "dora-password");

    assertThat(admin.postJson("/admin/staff", Map.of("username", "dora", "roles", List.of("AGENT"),
        "enabled", false)).status()).isEqualTo(200);
    StaffClient again = new StaffClient(port);
    assertThat(again.signIn("dora", "dora-password").raw().headers().firstValue("Location").orElse(""))
        .contains("error");
    assertThat(agent.get("/me").status()).as("a disabled account's sign-in ends at once").isEqualTo(401);
  }

  @Test
  void aWaitingResidentIsToldTheirPlaceAndARoughWaitAsItChanges() {
    WebChatClient first = waitingResident();
    WebChatClient second = waitingResident();
    // The estimate reads the shared queue at most once a second: wait until it has seen the second.
    JsonNode secondPlace = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> second.messages(0).json().path("queue"), queue -> !queue.isMissingNode());
    JsonNode firstPlace = first.messages(0).json().path("queue");
    assertThat(secondPlace.path("position").asInt()).isEqualTo(firstPlace.path("position").asInt() + 1);
    assertThat(secondPlace.path("estimatedMinutes").asLong()).isGreaterThanOrEqualTo(1);

    assertThat(admin().post("/conversations/" + first.conversationId + "/claim").status()).isEqualTo(200);
    int placeBefore = secondPlace.path("position").asInt();
    JsonNode moved = await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
        .until(() -> second.messages(0).json().path("queue"), queue -> queue.path("position").asInt() != placeBefore);
    assertThat(moved.path("position").asInt()).isEqualTo(secondPlace.path("position").asInt() - 1);
    assertThat(first.messages(0).json().has("queue")).as("no place once someone has it").isFalse();
  }

  @Test
  void closingRecordsTheHandlingTimeForEstimates() {
    WebChatClient resident = waitingResident();
    StaffClient admin = admin();
    admin.post("/conversations/" + resident.conversationId + "/claim");
    int before = staffStore.recentHandlingTimes().size();
    admin.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved"));
    assertThat(staffStore.recentHandlingTimes()).hasSize(Math.min(before + 1, StaffStore.HANDLING_TIMES_KEPT));
  }

  @Test
  void aResidentWaitingTooLongIsOfferedACallBackWithAReferenceOnce() {
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;
    assertThat(sweeps.offerCallBack(id, Duration.ofHours(1))).as("not yet due").isFalse();

    assertThat(sweeps.offerCallBack(id, Duration.ZERO)).isTrue();
    assertThat(sweeps.offerCallBack(id, Duration.ZERO)).as("only once per wait").isFalse();

    String reference = admin().get("/conversations/" + id).json().path("bot").path("callBackReference").asText();
    assertThat(reference).matches("TH-[0-9A-F]{8}");
    assertThat(resident.last("system")).contains("call you back").contains(reference);
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
  }

  @Test
  void theViewListsTheSameResidentsEarlierConversations() {
    String earlier = residents.start("telegram", "chat-4242", null).id();
    String later = residents.start("telegram", "chat-4242", null).id();
    residents.start("telegram", "someone-else", null);

    JsonNode view = admin().get("/conversations/" + later).json();
    assertThat(view.path("earlier")).hasSize(1);
    assertThat(view.path("earlier").get(0).path("conversationId").asText()).isEqualTo(earlier);
  }

}
