package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The whole product over HTTP, as a resident (web chat API) and a member of staff (console API)
 * use it. Run against each store.
 */
abstract class EndToEndFlowContract {

  static final String ADMIN_PASSWORD = TownhallTest.ADMIN_PASSWORD;

  @LocalServerPort
  int port;

  @Autowired
  AnswerCatalog catalog;

  WebChatClient resident;
  StaffClient staff;

  @BeforeEach
  void newResidentAndStaff() {
    resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    staff = new StaffClient(port);
  }

  @Test
  void residentIsWelcomedAndAnsweredFromTheContentPack() {
    assertThat(resident.messages(0).json().path("messages").get(0).path("from").asText()).isEqualTo("bot");

    Reply reply = resident.say("how do I pay my council tax");

    assertThat(reply.status()).isEqualTo(202);
    String expected = catalog.intent("council_tax_pay").orElseThrow().answer().text();
    assertThat(reply.json().path("messages").get(0).path("text").asText()).startsWith(expected);
    assertThat(reply.json().path("messages").get(1).path("text").asText()).isEqualTo("Did that help?");
    assertThat(resident.state()).isEqualTo("BOT");
  }

  @Test
  void theBinDayNeedsAPostcodeAndComesFromTheCollectionRounds() {
    Reply ask = resident.say("when is my bin collected");
    assertThat(ask.json().path("messages").get(0).path("text").asText()).contains("What's your postcode?");

    Reply retry = resident.say("CF10");
    assertThat(retry.json().path("messages").get(0).path("text").asText()).contains("doesn't look like a full postcode");

    Reply answer = resident.say("it's cf10 1ep thanks");
    assertThat(answer.json().path("messages").get(0).path("text").asText()).contains("Your bins are collected on");

    // The postcode is remembered for the rest of the conversation.
    Reply again = resident.say("what day are the bins collected");
    assertThat(again.json().path("messages").get(0).path("text").asText()).contains("Your bins are collected on");
  }

  @Test
  void aPostcodeOutsideTheAreaGivenWithTheQuestionIsAnsweredAtOnce() {
    Reply outside = resident.say("when is my bin day SW1A 1AA");
    assertThat(outside.json().path("messages").get(0).path("text").asText()).contains("SW1A 1AA is not in our area");
    assertThat(resident.state()).isEqualTo("BOT");
  }

  @Test
  void cancelWithNothingToCancelIsNeverAMisunderstanding() {
    for (int i = 0; i < 3; i++) {
      Reply reply = resident.say("cancel");
      assertThat(reply.json().path("messages").get(0).path("text").asText()).as("cancel #%d", i + 1)
          .doesNotContain("didn't understand");
      assertThat(resident.state()).isEqualTo("BOT");
    }
  }

  @Test
  void aPostcodeOutsideTheCouncilsAreaIsSaidToBeSo() {
    resident.say("when is my bin collected");
    Reply outside = resident.say("SW1A 1AA");
    assertThat(outside.json().path("messages").get(0).path("text").asText())
        .contains("SW1A 1AA is not in our area").contains("find-local-council");
    assertThat(resident.state()).isEqualTo("BOT");
  }

  @Test
  void anAnswerThatDidNotHelpOffersAPerson() {
    resident.say("how do I pay my council tax");
    Reply no = resident.say("No");
    JsonNode line = no.json().path("messages").get(0);
    assertThat(line.path("text").asText()).contains("Sorry that didn't help");
    assertThat(line.path("options").toString()).contains("Talk to a person");
  }

  @Test
  void restartAndStopWorkAtAnyStep() {
    resident.say("when is my bin collected");
    Reply restart = resident.say("restart");
    assertThat(restart.json().path("messages").get(0).path("text").asText()).startsWith("Hello");
    resident.say("stop");
    assertThat(resident.state()).isEqualTo("CLOSED");
    // Writing again starts over with the bot, in the same transcript.
    assertThat(resident.say("how do I pay my council tax").json().path("messages")).isNotEmpty();
    assertThat(resident.state()).isEqualTo("BOT");
  }

  @Test
  void aPersonAnswersAfterTheResidentAsksForOne() {
    resident.say("how do I pay my council tax");
    Reply handoff = resident.say("can I speak to a person");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    assertThat(handoff.json().path("messages").get(0).path("text").asText()).contains("member of our team");

    assertThat(staff.signIn("admin", ADMIN_PASSWORD).raw().headers().firstValue("Location")).hasValueSatisfying(
        location -> assertThat(location).endsWith("/console/"));
    JsonNode item = queueItem(resident.conversationId);
    assertThat(item.path("state").asText()).isEqualTo("AWAITING_AGENT");
    assertThat(item.path("team").asText()).isEqualTo("council-tax");
    assertThat(item.path("preview").asText()).isEqualTo("how do I pay my council tax");

    JsonNode detail = staff.get("/conversations/" + resident.conversationId).json();
    JsonNode firstResidentLine = lines(detail, "resident").get(0);
    assertThat(firstResidentLine.path("guesses").get(0).path("intent").asText()).isEqualTo("council_tax_pay");
    // Staff read the topic's title, not its id.
    assertThat(firstResidentLine.path("guesses").get(0).path("title").asText()).isEqualTo("Pay council tax");

    assertThat(staff.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(resident.state()).isEqualTo("WITH_AGENT");

    // The silence rule: while staff have it, the bot says nothing of its own.
    Reply whileWithStaff = resident.say("when is my bin collected");
    assertThat(whileWithStaff.status()).isEqualTo(202);
    assertThat(whileWithStaff.json().path("messages")).isEmpty();

    assertThat(staff.reply(resident.conversationId, "Hello, I can help with your bill.").status()).isEqualTo(200);
    assertThat(resident.last("agent")).isEqualTo("Hello, I can help with your bill.");

    assertThat(staff.post("/conversations/" + resident.conversationId + "/release").status()).isEqualTo(200);
    assertThat(resident.state()).isEqualTo("BOT");
    assertThat(resident.say("when is my bin collected").json().path("messages")).isNotEmpty();

    resident.say("agent");
    staff.post("/conversations/" + resident.conversationId + "/claim");
    assertThat(staff.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved")).status()).isEqualTo(200);
    assertThat(resident.state()).isEqualTo("CLOSED");
    assertThat(queueIds()).doesNotContain(resident.conversationId);
  }

  @Test
  void aSecondMessageTheBotDoesNotUnderstandGoesToAPerson() {
    resident.say("how do I report a pothole");
    Reply first = resident.say("zxqv plorf wibble");
    assertThat(resident.state()).isEqualTo("BOT");
    assertThat(first.json().path("messages").get(0).path("text").asText()).contains("didn't understand");

    Reply second = resident.say("blorp snazzle frumious");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    assertThat(second.json().path("messages").get(0).path("text").asText()).contains("member of our team");
    // What could not be understood goes to the general team, not to the last topic's team.
    staff.signIn("admin", ADMIN_PASSWORD);
    JsonNode row = null;
    for (JsonNode item : staff.get("/queue").json()) {
      if (item.path("conversationId").asText().equals(resident.conversationId)) {
        row = item;
      }
    }
    assertThat(row).isNotNull();
    assertThat(row.path("team").asText()).isNotEqualTo("highways");
  }

  @Test
  void onlyOneClaimWinsAndStaffCannotReplyBeforeClaiming() {
    resident.say("I want to talk to a human");
    staff.signIn("admin", ADMIN_PASSWORD);
    String id = resident.conversationId;

    assertThat(staff.reply(id, "too early").status()).isEqualTo(409);
    assertThat(staff.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    Reply again = staff.post("/conversations/" + id + "/claim");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("error").asText()).contains("Already claimed by admin");
    assertThat(staff.post("/conversations/unknown/claim").status()).isEqualTo(404);
  }

  @Test
  void theResidentCanGoBackToTheBotWhileWaiting() {
    resident.say("speak to someone");
    Reply back = resident.say("Back to the bot");

    assertThat(resident.state()).isEqualTo("BOT");
    assertThat(back.json().path("messages").get(0).path("text").asText()).contains("back with the council's assistant");
  }

  @Test
  void aRedeliveredMessageIsProcessedOnce() {
    var body = Map.of("text", "how do I pay my council tax", "clientMessageId", "m-1");
    for (int i = 0; i < 2; i++) {
      Reply reply = resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
          .header("Authorization", "Bearer " + resident.token).header("Content-Type", "application/json")
          .POST(WebChatClient.json(body)));
      assertThat(reply.status()).isEqualTo(202);
    }
    assertThat(lines(resident.messages(0).json(), "resident")).hasSize(1);
  }

  @Test
  void theConsoleApiNeedsASignedInMemberOfStaff() {
    assertThat(staff.get("/queue").status()).isEqualTo(401);
    Reply wrong = staff.signIn("admin", "wrong-password");
    assertThat(wrong.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
    assertThat(staff.get("/queue").status()).isEqualTo(401);

    staff.signIn("admin", ADMIN_PASSWORD);
    assertThat(staff.get("/queue").status()).isEqualTo(200);
    Reply noCsrf = staff.send(staff.request("/api/console/conversations/" + resident.conversationId + "/claim")
        .POST(HttpRequest.BodyPublishers.noBody()));
    assertThat(noCsrf.status()).isEqualTo(403);
  }

  private JsonNode queueItem(String id) {
    for (JsonNode item : staff.get("/queue").json()) {
      if (item.path("conversationId").asText().equals(id)) {
        return item;
      }
    }
    throw new AssertionError("conversation " + id + " is not in the queue");
  }

  private List<String> queueIds() {
    List<String> ids = new ArrayList<>();
    staff.get("/queue").json().forEach(i -> ids.add(i.path("conversationId").asText()));
    return ids;
  }

  static List<JsonNode> lines(JsonNode conversation, String from) {
    List<JsonNode> found = new ArrayList<>();
    JsonNode lines = conversation.has("transcript") ? conversation.path("transcript") : conversation.path("messages");
    lines.forEach(l -> {
      if (from.equals(l.path("from").asText())) {
        found.add(l);
      }
    });
    return found;
  }

  /**
   * Ids that are not a conversation's (another key of the same conversation, traversal, a key
   * pattern, binary, huge) get a clear 404 from every conversation endpoint of both APIs, never a
   * 500: nothing a client sends becomes a store key unchecked.
   */
  @Test
  void oddConversationIdsGetA404FromEveryEndpointNeverA500() {
    staff.signIn("admin", ADMIN_PASSWORD);
    String own = resident.conversationId;
    List<String> odd = List.of(own + ":log", own + ":audit", own.toUpperCase(java.util.Locale.ROOT), "...",
        "*", "conv:*", "%E2%98%83", "x".repeat(500), own.substring(1), "00000000-0000-0000-0000-000000000000");
    for (String id : odd) {
      WebChatClient other = new WebChatClient(port);
      other.conversationId = id;
      other.token = resident.token;
      List<Reply> replies = List.of(other.say("hello"), other.messages(0), staff.get("/conversations/" + id),
          staff.get("/conversations/" + id + "/notes"), staff.post("/conversations/" + id + "/claim"),
          staff.reply(id, "hi"), staff.post("/conversations/" + id + "/typing"),
          staff.postJson("/conversations/" + id + "/notes", Map.of("text", "n")),
          staff.postJson("/conversations/" + id + "/transfer", Map.of("team", "housing")),
          staff.post("/conversations/" + id + "/release"),
          staff.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "resolved")),
          staff.postJson("/conversations/" + id + "/safeguarding", Map.of("category", "adult_at_risk")),
          staff.post("/conversations/" + id + "/safeguarding/clear"));
      for (Reply reply : replies) {
        assertThat(reply.status()).as("%s %s", id, reply.raw().uri()).isEqualTo(404);
        assertThat(reply.json().path("error").isTextual()).as("%s: a JSON error", id).isTrue();
      }
    }
    // An encoded slash or NUL is refused by the web server itself, before any of our code runs.
    for (String id : List.of("..%2F..%2Fetc", "%00")) {
      WebChatClient refused = new WebChatClient(port);
      refused.conversationId = id;
      refused.token = resident.token;
      assertThat(refused.say("hello").status()).as(id).isEqualTo(400);
    }
    // The real conversation is untouched and still works.
    assertThat(resident.say("how do I pay my council tax").status()).isEqualTo(202);
  }

  @Test
  void anOddClientMessageIdIsRefusedAndNothingIsLost() {
    Reply refused = resident.say("hello", "conv:*");
    Reply fine = resident.say("hello", "retry-1.2_3:4");

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).contains("clientMessageId");
    assertThat(fine.status()).isEqualTo(202);
  }

  /** Whether this store keeps conversations and accounts across a restart. */
  abstract boolean keptAcrossRestarts();

  /** Staff are told in the console when the in-memory store will forget everything on restart. */
  @Test
  void theConsoleSaysWhetherTheStoreOutlivesARestart() {
    staff.signIn("admin", ADMIN_PASSWORD);
    JsonNode me = staff.get("/me").json();

    assertThat(me.path("keptAcrossRestarts").isBoolean()).isTrue();
    assertThat(me.path("keptAcrossRestarts").asBoolean()).isEqualTo(keptAcrossRestarts());
  }

  /**
   * An account change reaches that person's existing sign-ins at once, on every instance (the
   * account is in the store): roles taken away are gone, a new password or a disabled account ends
   * the sign-in.
   */
  @Test
  void aDemotedRepasswordedOrDisabledMemberOfStaffLosesAccessAtOnce() {
    staff.signIn("admin", ADMIN_PASSWORD);
    String name = "changed" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    assertThat(staff.postJson("/admin/staff", Map.of("username", name, "password", name + "-password-1",
        "roles", List.of("AGENT", "ADMIN"))).status()).isEqualTo(200);
    StaffClient person = new StaffClient(port);
    assertThat(person.signIn(name, name + "-password-1").status()).isEqualTo(302);
    assertThat(person.get("/admin/staff").status()).isEqualTo(200);

    assertThat(staff.postJson("/admin/staff", Map.of("username", name, "roles", List.of("AGENT"))).status())
        .isEqualTo(200);
    assertThat(person.get("/admin/staff").status()).isEqualTo(403);
    assertThat(person.get("/me").json().path("roles").toString()).isEqualTo("[\"AGENT\"]");

    assertThat(staff.postJson("/admin/staff", Map.of("username", name, "password", name + "-password-2",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    assertThat(person.get("/me").status()).isEqualTo(401);

    StaffClient again = new StaffClient(port);
    assertThat(again.signIn(name, name + "-password-2").status()).isEqualTo(302);
    assertThat(again.get("/me").status()).isEqualTo(200);
    assertThat(staff.postJson("/admin/staff", Map.of("username", name, "roles", List.of("AGENT"),
        "enabled", false)).status()).isEqualTo(200);
    assertThat(again.get("/me").status()).isEqualTo(401);
    assertThat(again.get("/queue").status()).isEqualTo(401);
  }
}
