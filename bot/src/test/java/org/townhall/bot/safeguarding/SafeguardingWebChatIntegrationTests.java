package org.townhall.bot.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.townhall.bot.safeguarding.SafeguardingCases.Case;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Safeguarding end to end through the public web chat API and the console API, for every category
 * of the built-in pack: the help with the right number comes first, nothing trivialises it, the
 * conversation is first in the queue and flagged for the category's team, a disclosure while waiting
 * raises it again, and with staff the help still reaches the resident and the member of staff.
 */
@TownhallTest
class SafeguardingWebChatIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  MessageSource messages;

  /** The bot's own sentence, as the resident sees it. */
  private String phrase(String key) {
    return messages.getMessage("bot." + key, null, Locale.UK);
  }

  private WebChatClient resident() {
    WebChatClient resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    return resident;
  }

  private StaffClient admin() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  private static List<String> texts(JsonNode lines) {
    List<String> texts = new ArrayList<>();
    lines.forEach(l -> texts.add(l.path("text").asText()));
    return texts;
  }

  private JsonNode queueItem(StaffClient staff, String conversationId) {
    for (JsonNode item : staff.get("/queue").json()) {
      if (item.path("conversationId").asText().equals(conversationId)) {
        return item;
      }
    }
    return null;
  }

  private List<String> trivialising() {
    return List.of(phrase("not-understood"), phrase("feedback.ask"), phrase("clarify"),
        phrase("welcome"));
  }

  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void everyCategoryGetsItsHelpFirstAndNothingThatTrivialisesIt(Case c) {
    WebChatClient resident = resident();

    var reply = resident.say(c.message());

    assertThat(reply.status()).isEqualTo(202);
    JsonNode lines = reply.json().path("messages");
    assertThat(lines.get(0).path("from").asText()).isEqualTo("bot");
    assertThat(lines.get(0).path("text").asText()).contains(c.number());
    assertThat(texts(lines)).noneMatch(t -> trivialising().stream().anyMatch(t::contains));
    if (c.handoff()) {
      assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
      assertThat(lines.get(1).path("text").asText()).isEqualTo(phrase("safeguarding.handoff"));
      JsonNode item = queueItem(admin(), resident.conversationId);
      assertThat(item).isNotNull();
      assertThat(item.path("urgent").asBoolean()).isTrue();
      assertThat(item.path("team").asText()).isEqualTo(c.team());
      assertThat(item.path("safeguarding").path("category").asText()).isEqualTo(c.category());
      assertThat(item.path("safeguarding").path("raises").asInt()).isEqualTo(1);
    } else {
      // Hazards the council can only signpost: the help is the whole answer, and a person is one tap away.
      assertThat(resident.state()).isEqualTo("BOT");
      assertThat(lines).hasSize(1);
      assertThat(lines.get(0).path("options").get(0).asText()).isEqualTo(phrase("option.person"));
    }
  }

  /** A resident already waiting (not urgent) who then discloses danger is raised: urgent, flagged, to the top. */
  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void aDisclosureWhileWaitingRaisesTheConversationAndRepeatsTheHelp(Case c) {
    WebChatClient resident = resident();
    resident.say("can I speak to a person about my council tax");
    StaffClient admin = admin();
    assertThat(queueItem(admin, resident.conversationId).path("urgent").asBoolean()).isFalse();

    JsonNode lines = resident.say(c.message()).json().path("messages");

    assertThat(lines.get(0).path("text").asText()).contains(c.number());
    assertThat(lines.get(1).path("text").asText()).isEqualTo(phrase("safeguarding.raised"));
    JsonNode item = queueItem(admin, resident.conversationId);
    assertThat(item.path("urgent").asBoolean()).isTrue();
    assertThat(item.path("safeguarding").path("category").asText()).isEqualTo(c.category());
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");

    resident.say(c.message());

    assertThat(queueItem(admin, resident.conversationId).path("safeguarding").path("raises").asInt()).isEqualTo(2);
    assertThat(texts(resident.messages(0).json().path("messages")).stream().filter(t -> t.contains(c.number())))
        .hasSize(2);
  }

  @Test
  void aSafeguardingConcernGoesBeforeEveryOtherUrgentConversation() {
    WebChatClient urgentTopic = resident();
    urgentTopic.say("my landlord has given me a section 21 notice");
    StaffClient admin = admin();
    assertThat(queueItem(admin, urgentTopic.conversationId).path("urgent").asBoolean()).isTrue();
    assertThat(queueItem(admin, urgentTopic.conversationId).has("safeguarding")).isFalse();
    WebChatClient disclosed = resident();
    disclosed.say(SafeguardingCases.of("domestic_abuse").message());

    List<String> order = new ArrayList<>();
    admin.get("/queue").json().forEach(i -> order.add(i.path("conversationId").asText()));

    assertThat(order.indexOf(disclosed.conversationId)).isLessThan(order.indexOf(urgentTopic.conversationId));
  }

  /** Life-safety help is the one exception to the silence rule: the resident gets it, staff see it was sent. */
  @ParameterizedTest
  @MethodSource("org.townhall.bot.safeguarding.SafeguardingCases#all")
  void withStaffTheHelpReachesTheResidentAndTheMemberOfStaff(Case c) {
    WebChatClient resident = resident();
    resident.say("can I speak to a person");
    StaffClient admin = admin();
    assertThat(admin.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);

    JsonNode lines = resident.say(c.message()).json().path("messages");

    assertThat(texts(lines)).singleElement().satisfies(t -> assertThat(t).contains(c.number()));
    assertThat(resident.state()).isEqualTo("WITH_AGENT");
    JsonNode seen = admin.get("/conversations/" + resident.conversationId).json();
    JsonNode last = seen.path("transcript").get(seen.path("transcript").size() - 1);
    assertThat(last.path("from").asText()).isEqualTo("bot");
    assertThat(last.path("text").asText()).contains(c.number());
    assertThat(seen.path("owner").asText()).isEqualTo("admin");
    assertThat(seen.path("safeguarding").path("category").asText()).isEqualTo(c.category());
    long raisedBy = seen.path("safeguarding").path("raisedBySeq").asLong();
    assertThat(seen.path("transcript").get((int) raisedBy - 1).path("text").asText()).isEqualTo(c.message());
    assertThat(queueItem(admin, resident.conversationId).path("safeguarding").path("raises").asInt()).isEqualTo(1);
    closeAsAdmin(admin, resident);
  }

  /** Every claim counts against the admin's limit of open conversations: close each when done. */
  private static void closeAsAdmin(StaffClient admin, WebChatClient resident) {
    assertThat(admin.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved"))
        .status()).isEqualTo(200);
  }

  @Test
  void whileTheBotIsPausedADisclosureStillGetsTheHelpAndAnUrgentHandoff() {
    StaffClient admin = admin();
    assertThat(admin.postJson("/admin/pause", Map.of("reason", "wrong bin dates")).status()).isEqualTo(200);
    try {
      for (Case c : List.of(SafeguardingCases.of("suicide_self_harm"), SafeguardingCases.of("gas_carbon_monoxide"))) {
        WebChatClient resident = resident();

        JsonNode lines = resident.say(c.message()).json().path("messages");

        assertThat(lines.get(0).path("text").asText()).contains(c.number());
        assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
        JsonNode item = queueItem(admin, resident.conversationId);
        assertThat(item.path("urgent").asBoolean()).isTrue();
        assertThat(item.path("safeguarding").path("category").asText()).isEqualTo(c.category());
      }
    } finally {
      assertThat(admin.post("/admin/resume").status()).isEqualTo(200);
    }
  }

  @Test
  void staffCanMarkAndClearAConcernAndBothAreAudited() {
    WebChatClient resident = resident();
    resident.say("can I speak to a person about my bins");
    StaffClient admin = admin();
    String path = "/conversations/" + resident.conversationId + "/safeguarding";

    var marked = admin.postJson(path, Map.of("category", "adult_at_risk"));

    assertThat(marked.status()).isEqualTo(200);
    assertThat(marked.json().path("safeguarding").path("markedBy").asText()).isEqualTo("admin");
    JsonNode item = queueItem(admin, resident.conversationId);
    assertThat(item.path("safeguarding").path("category").asText()).isEqualTo("adult_at_risk");
    assertThat(item.path("team").asText()).isEqualTo("social-care");
    assertThat(item.path("urgent").asBoolean()).isTrue();

    var cleared = admin.post(path + "/clear");

    assertThat(cleared.status()).isEqualTo(200);
    assertThat(cleared.json().has("safeguarding")).isFalse();
    assertThat(queueItem(admin, resident.conversationId).path("urgent").asBoolean()).isFalse();
    assertThat(queueItem(admin, resident.conversationId).has("safeguarding")).isFalse();
    List<String> trail = new ArrayList<>();
    cleared.json().path("history").forEach(e -> trail.add(e.path("action").asText() + ":" + e.path("detail").asText()));
    assertThat(trail).contains("safeguarding_mark:adult_at_risk", "safeguarding_clear:adult_at_risk");
    // Resident-facing: nothing was said.
    assertThat(texts(resident.messages(0).json().path("messages"))).noneMatch(t -> t.contains("safeguarding"));
  }

  @Test
  void markingRefusesAnUnknownCategoryAndClearingNeedsAConcern() {
    WebChatClient resident = resident();
    resident.say("can I speak to a person");
    StaffClient admin = admin();
    String path = "/conversations/" + resident.conversationId + "/safeguarding";

    assertThat(admin.postJson(path, Map.of("category", "nonsense")).status()).isEqualTo(400);
    assertThat(admin.postJson(path, Map.of()).status()).isEqualTo(400);
    assertThat(admin.post(path + "/clear").status()).isEqualTo(409);
    assertThat(admin.postJson("/conversations/no-such-id/safeguarding", Map.of("category", "adult_at_risk")).status())
        .isEqualTo(404);
  }

  @Test
  void theFiguresCountHandoffsAndTimeToFirstStaffReply() {
    StaffClient admin = admin();
    JsonNode before = row(admin, "exploitation");
    WebChatClient resident = resident();
    resident.say(SafeguardingCases.of("exploitation").message());
    assertThat(admin.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(admin.reply(resident.conversationId, "I'm here. Are you safe to talk?").status()).isEqualTo(200);
    assertThat(admin.reply(resident.conversationId, "A second reply is not a first response.").status())
        .isEqualTo(200);

    JsonNode after = row(admin, "exploitation");
    closeAsAdmin(admin, resident);

    assertThat(after.path("handoffs").asInt()).isEqualTo(before.path("handoffs").asInt() + 1);
    assertThat(after.path("firstResponses").asInt()).isEqualTo(before.path("firstResponses").asInt() + 1);
    assertThat(after.path("firstResponseMedianSeconds").isNumber()).isTrue();
    assertThat(admin.get("/admin/safeguarding?days=0").status()).isEqualTo(400);
    assertThat(admin.get("/admin/safeguarding?days=abc").status()).isEqualTo(400);
  }

  private static JsonNode row(StaffClient admin, String category) {
    var figures = admin.get("/admin/safeguarding?days=30");
    assertThat(figures.status()).isEqualTo(200);
    for (JsonNode row : figures.json().path("categories")) {
      if (row.path("category").asText().equals(category)) {
        return row;
      }
    }
    throw new AssertionError("no row for " + category + " in " + figures.json());
  }
}
