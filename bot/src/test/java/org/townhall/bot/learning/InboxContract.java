package org.townhall.bot.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The editors' inbox, driven through the web chat and the console API: each kind of message comes
 * in redacted, groups are decided in bulk into the draft, and a decided message does not come back.
 * Its own instance (it changes the draft), on the store each subclass names. Every in-scope message
 * is offered as choices ({@code answer-threshold} 0.999), so a clarification, a pick and a "No" come
 * from one question.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InboxContract {

  private static final String PHONE = "07700 900123";
  private static final String EMAIL = "jo.bloggs@example.com";

  private BotInstance bot;
  private StaffClient admin;

  abstract List<String> storeProperties();

  @BeforeAll
  void start() {
    List<String> properties = new ArrayList<>(List.of("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00", TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.nlu.answer-threshold=0.999"));
    properties.addAll(storeProperties());
    bot = BotInstance.start(properties.toArray(String[]::new));
    admin = new StaffClient(bot.port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
  }

  @AfterAll
  void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void aClarifiedQuestionAnsweredNoIsShownRedactedAndBecomesATrainingPhrase() {
    String question = "how do I pay my council tax for CF10 1EP";
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    JsonNode offered = lastBotLine(resident.say(question).json());
    assertThat(offered.path("text").asText()).isEqualTo("I'm not sure I understood. Did you mean one of these?");
    String choice = offered.path("options").get(0).asText();
    resident.say(choice);
    assertThat(resident.last("bot")).isEqualTo("Did that help?");
    resident.say("No");

    JsonNode group = groupWith("pay");
    String redacted = "how do I pay my council tax for CF10";
    assertThat(group.path("example").asText()).isEqualTo(redacted);
    assertThat(texts(group.path("reasons"))).containsExactly("The bot was unsure and offered choices",
        "The resident picked one of the choices", "The resident said the answer did not help");
    assertThat(group.path("pickedByResidents").get(0).path("title").asText()).isEqualTo(choice);
    assertThat(group.path("guesses").get(0).path("confidence").asDouble()).isBetween(0.0, 0.999);
    String intent = group.path("pickedByResidents").get(0).path("intent").asText();

    var decided = admin.postJson("/content/inbox/decisions",
        Map.of("groupKey", group.path("groupKey").asText(), "decision", "assigned", "intent", intent));
    assertThat(decided.status()).isEqualTo(200);
    assertThat(decided.json().path("by").asText()).isEqualTo("admin");
    assertThat(decided.json().path("messages").asInt()).isEqualTo(1);
    assertThat(admin.get("/content/draft/file?path=intents/" + intent + ".yml").raw().body()).contains(redacted);
    // ...and a message of the council's regression set, labelled, that every later draft is measured on
    assertThat(admin.get("/content/draft/file?path=tests/inbox.jsonl").raw().body())
        .contains("{\"text\":\"" + redacted + "\",\"intent\":\"" + intent + "\"}");
    assertThat(admin.get("/admin/audit").raw().body()).contains("inbox-decide");

    // The same question again: counted under the decision, not asked about again.
    WebChatClient again = new WebChatClient(bot.port());
    again.start();
    again.say(question);
    assertThat(inbox().toString()).doesNotContain(redacted);
  }

  @Test
  void aMessageNotUnderstoodTwiceGoesToAPersonWithTheTopicStaffRecordAndCanBeOutOfScope() {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    resident.say("zxqv plorf wibble " + EMAIL);
    resident.say("blorp snazzle frumious " + PHONE);
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    var refused = admin.postJson("/conversations/" + resident.conversationId + "/close",
        Map.of("wrapUp", "resolved", "topic", "no_such_topic"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(admin.get("/me").json().path("topics").toString()).contains("report_pothole");
    assertThat(admin.postJson("/conversations/" + resident.conversationId + "/close",
        Map.of("wrapUp", "resolved", "topic", "report_pothole")).status()).isEqualTo(200);

    JsonNode first = groupWith("plorf");
    assertThat(first.path("example").asText()).isEqualTo("zxqv plorf wibble [email]");
    assertThat(texts(first.path("reasons"))).containsExactly("The bot did not understand it");
    JsonNode second = groupWith("snazzl");
    assertThat(second.path("example").asText()).isEqualTo("blorp snazzle frumious [phone]");
    assertThat(texts(second.path("reasons"))).containsExactly("The bot did not understand it", "It went to a person",
        "Staff recorded the topic when closing");
    assertThat(second.path("recordedByStaff").get(0).path("intent").asText()).isEqualTo("report_pothole");

    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", first.path("groupKey").asText(),
        "decision", "out_of_scope")).status()).isEqualTo(200);
    assertThat(admin.get("/content/draft/file?path=out-of-scope.yml").raw().body()).contains("- \"zxqv plorf wibble [email]\"");
    assertThat(admin.get("/content/draft/file?path=tests/inbox.jsonl").raw().body())
        .contains("{\"text\":\"zxqv plorf wibble [email]\",\"intent\":\"oos\"}");
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", second.path("groupKey").asText(),
        "decision", "dismissed")).status()).isEqualTo(200);
    assertThat(inbox().toString()).doesNotContain("plorf", "snazzle");
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", second.path("groupKey").asText(),
        "decision", "dismissed")).status()).isEqualTo(404);
  }

  @Test
  void refusesDecisionsThatMakeNoSense() {
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", "x", "decision", "maybe")).status())
        .isEqualTo(400);
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", "x", "decision", "assigned")).status())
        .isEqualTo(400);
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", "no such group", "decision", "dismissed"))
        .status()).isEqualTo(404);
  }

  @Test
  void aConcernStaffMarkAfterTheCheckMissedItTeachesTheSafeguardingCheckOnceAnEditorSaysWhich() {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    resident.say("can you tell me about the lodger rules please");
    resident.say("zorbly wimple the lodger has my nan's bank card " + PHONE);
    assertThat(admin.postJson("/conversations/" + resident.conversationId + "/safeguarding",
        Map.of("category", "adult_at_risk")).status()).isEqualTo(200);

    JsonNode first = inbox().get(0);
    assertThat(first.path("markedByStaff").get(0).path("intent").asText()).as("a possible miss comes first")
        .isEqualTo("adult_at_risk");
    assertThat(first.path("markedByStaff").get(0).path("title").asText()).isEqualTo("An adult at risk");
    JsonNode missed = groupSaying("zorbly wimple");
    assertThat(missed.path("example").asText()).isEqualTo("zorbly wimple the lodger has my nan's bank card [phone]");
    assertThat(texts(missed.path("reasons"))).contains("Staff marked a safeguarding concern the check had not raised");

    var refused = admin.postJson("/content/inbox/decisions", Map.of("groupKey", missed.path("groupKey").asText(),
        "decision", "safeguarding"));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).contains("Name the safeguarding category");
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", missed.path("groupKey").asText(),
        "decision", "safeguarding", "intent", "no_such_category")).status()).isEqualTo(404);
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", missed.path("groupKey").asText(),
        "decision", "safeguarding", "intent", "adult_at_risk")).status()).isEqualTo(200);
    String category = admin.get("/content/draft/file?path=safeguarding/categories/adult_at_risk.yml").raw().body();
    assertThat(category).endsWith("  - \"zorbly wimple the lodger has my nan's bank card [phone]\"\n");
    assertThat(admin.get("/content/draft").json().path("problems")).isEmpty();
    // the other message was not it: dismissed, and the draft keeps only the phrase chosen
    assertThat(admin.postJson("/content/inbox/decisions", Map.of("groupKey", groupSaying("lodger rules")
        .path("groupKey").asText(), "decision", "dismissed")).status()).isEqualTo(200);
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  @Test
  void neverHoldsAnEmailOrPhoneNumberAResidentTyped() {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    resident.say("quibble " + EMAIL + " frob " + PHONE + " +44 (0)29 2087 1234 QQ 12 34 56 C 4111 1111 1111 1111");
    String everything = inbox().toString();
    assertThat(everything).contains("quibble").doesNotContain(EMAIL, "example.com", PHONE, "900123", "2087",
        "QQ 12", "4111");
  }

  private JsonNode inbox() {
    var reply = admin.get("/content/inbox");
    assertThat(reply.status()).isEqualTo(200);
    return reply.json().path("groups");
  }

  private JsonNode groupSaying(String words) {
    for (JsonNode group : inbox()) {
      if (group.path("example").asText().contains(words)) {
        return group;
      }
    }
    throw new AssertionError("no inbox group saying " + words + " in " + inbox());
  }

  private JsonNode groupWith(String stem) {
    for (JsonNode group : inbox()) {
      if (List.of(group.path("groupKey").asText().split(" ")).contains(stem)) {
        return group;
      }
    }
    throw new AssertionError("no inbox group with " + stem + " in " + inbox());
  }

  private static JsonNode lastBotLine(JsonNode reply) {
    JsonNode last = null;
    for (JsonNode line : reply.path("messages")) {
      if ("bot".equals(line.path("from").asText())) {
        last = line;
      }
    }
    return last;
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
