package org.townhall.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Staff's search and a supervisor watching the bot, through the console API as the console uses
 * them, with the resident on the public web chat API. Run against each store.
 */
abstract class SearchAndWatchApiContract {

  private static final ZoneId COUNCIL = ZoneId.of("Europe/London");

  @LocalServerPort
  int port;

  /** A word nobody else's conversation holds: the application is shared with other tests. */
  static String unique() {
    StringBuilder word = new StringBuilder("zq");
    java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
    return word.toString();
  }

  StaffClient signedIn(String username, String password) {
    StaffClient client = new StaffClient(port);
    assertThat(client.signIn(username, password).status()).isEqualTo(302);
    return client;
  }

  StaffClient admin() {
    return signedIn("admin", TownhallTest.ADMIN_PASSWORD);
  }

  StaffClient account(String prefix, List<String> roles, List<String> teams) {
    String username = prefix + "." + unique().substring(2, 8);
    assertThat(admin().postJson("/admin/staff", Map.of("username", username, "password", username + "-password",
        "roles", roles, "teams", teams)).status()).isEqualTo(200);
    return signedIn(username, username + "-password");
  }

  static Reply search(StaffClient staff, String... keysAndValues) {
    Map<String, String> query = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      query.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return staff.get("/search?" + query.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&")));
  }

  static List<String> ids(Reply reply) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    reply.json().path("results").forEach(r -> ids.add(r.path("conversationId").asText()));
    return ids;
  }

  static List<String> texts(JsonNode lines) {
    List<String> texts = new ArrayList<>();
    lines.forEach(line -> texts.add(line.path("text").asText()));
    return texts;
  }

  /** A council tax conversation handed to staff, answered with {@code reply} and closed as resolved. */
  String closedCouncilTaxConversation(StaffClient staff, String reply) {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("can I speak to a person about my council tax bill");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    String id = resident.conversationId;
    assertThat(staff.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    assertThat(staff.reply(id, reply).status()).isEqualTo(200);
    assertThat(staff.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "resolved")).status())
        .isEqualTo(200);
    return id;
  }

  @Test
  void findsAClosedConversationByReferenceWordsTeamOutcomeAndDateAndOpensItReadOnly() {
    StaffClient ann = account("ann", List.of("AGENT"), List.of("council-tax"));
    String word = unique();
    String id = closedCouncilTaxConversation(ann, "I have refunded the OVERPAYMENT, reference " + word + ".");
    String reference = "TH-" + id.substring(0, 8).toUpperCase();
    String today = LocalDate.now(COUNCIL).toString();

    assertThat(ids(search(ann, "reference", " " + reference.toLowerCase() + " "))).containsExactly(id);
    JsonNode hit = search(ann, "words", "overpayment " + word.toUpperCase()).json().path("results");
    assertThat(hit).hasSize(1);
    assertThat(hit.get(0).path("reference").asText()).isEqualTo(reference);
    assertThat(hit.get(0).path("state").asText()).isEqualTo("CLOSED");
    assertThat(hit.get(0).path("topicTitle").asText()).isNotBlank();
    assertThat(hit.get(0).path("teams").toString()).isEqualTo("[\"council-tax\"]");
    assertThat(hit.get(0).path("outcomes").toString()).isEqualTo("[\"resolved\"]");
    assertThat(hit.get(0).path("handledBy").get(0).asText()).startsWith("ann.");
    assertThat(ids(search(ann, "words", word, "team", "council-tax", "outcome", "resolved", "from", today, "to",
        today))).containsExactly(id);
    assertThat(ids(search(ann, "words", word, "outcome", "duplicate"))).isEmpty();
    assertThat(ids(search(ann, "words", word, "from", LocalDate.now(COUNCIL).plusDays(1).toString()))).isEmpty();
    assertThat(ids(search(ann, "words", word, "to", LocalDate.now(COUNCIL).minusDays(1).toString()))).isEmpty();

    Reply opened = ann.get("/search/conversations/" + id);
    assertThat(opened.status()).isEqualTo(200);
    assertThat(opened.json().path("conversation").path("reference").asText()).isEqualTo(reference);
    assertThat(opened.json().path("transcript").toString()).contains("refunded the OVERPAYMENT");

    // Every search and every opening is in the audit log; the words searched for are not.
    List<JsonNode> audit = new ArrayList<>();
    admin().get("/admin/audit?limit=1000").json().forEach(audit::add);
    List<JsonNode> anns = audit.stream().filter(e -> e.path("actor").asText().equals(hit.get(0).path("handledBy")
        .get(0).asText())).toList();
    assertThat(anns.stream().filter(e -> e.path("action").asText().equals("search"))).hasSize(6);
    assertThat(anns.stream().filter(e -> e.path("action").asText().equals("view")
        && e.path("detail").asText().equals("search") && e.path("conversationId").asText().equals(id))).hasSize(1);
    assertThat(anns.stream().map(JsonNode::toString)).noneMatch(e -> e.contains(word) || e.contains("overpayment"));
    assertThat(anns.stream().map(e -> e.path("detail").asText())).contains(
        "reference " + reference + "; 1 found", "2 words; 1 found",
        "1 word; from " + today + "; to " + today + "; team council-tax; outcome resolved; 1 found");
  }

  @Test
  void agentsFindTheirTeamsConversationsAndTheirOwnSupervisorsFindEveryone() {
    StaffClient ann = account("ann", List.of("AGENT"), List.of("council-tax"));
    String word = unique();
    String id = closedCouncilTaxConversation(ann, "Noted " + word + ".");
    StaffClient waste = account("wes", List.of("AGENT"), List.of("waste"));
    StaffClient anyTeam = account("any", List.of("AGENT"), List.of());
    StaffClient supervisor = account("sue", List.of("AGENT", "SUPERVISOR"), List.of("waste"));
    WebChatClient botOnly = new WebChatClient(port);
    botOnly.start();
    botOnly.say("how do I pay my council tax " + word);

    assertThat(ids(search(ann, "words", word))).containsExactly(id);
    assertThat(ids(search(waste, "words", word))).as("another team's").isEmpty();
    assertThat(search(waste, "words", word, "team", "council-tax").status()).isEqualTo(403);
    assertThat(waste.get("/search/conversations/" + id).status()).isEqualTo(403);
    assertThat(ids(search(anyTeam, "words", word))).as("no team: every team's, not the bot's alone")
        .containsExactly(id);
    assertThat(ids(search(supervisor, "words", word))).containsExactlyInAnyOrder(id, botOnly.conversationId);
    assertThat(supervisor.get("/search/conversations/" + botOnly.conversationId).status()).isEqualTo(200);
  }

  @Test
  void pagesFollowOnFromNext() {
    StaffClient admin = admin();
    String word = unique();
    List<String> started = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      WebChatClient resident = new WebChatClient(port);
      resident.start();
      resident.say("my reference is " + word);
      started.add(0, resident.conversationId);
    }

    Reply first = search(admin, "words", word, "size", "2");
    String next = first.json().path("next").asText();
    Reply second = search(admin, "words", word, "size", "2", "after", next);

    assertThat(ids(first)).containsExactlyElementsOf(started.subList(0, 2));
    assertThat(ids(second)).containsExactly(started.get(2));
    assertThat(second.json().has("next")).isFalse();
    assertThat(first.json().path("stoppedAtScanLimit").asBoolean()).isFalse();
  }

  @Test
  void badSearchesGetAClearBadRequest() {
    StaffClient admin = admin();
    Map<String, String[]> bad = new LinkedHashMap<>();
    bad.put("nothing to search by", new String[] {});
    bad.put("only spaces", new String[] {"words", "   ", "reference", " "});
    bad.put("huge words", new String[] {"words", "x".repeat(201)});
    bad.put("no letters or digits", new String[] {"words", "!!! 🙂 -- \u0000"});
    bad.put("eleven words", new String[] {"words", "aa bb cc dd ee ff gg hh ii jj kk"});
    bad.put("a reference of the wrong form", new String[] {"reference", "TH-12345"});
    bad.put("a reference with odd letters", new String[] {"reference", "TH-1234567G"});
    bad.put("not a date", new String[] {"from", "yesterday"});
    bad.put("no such day", new String[] {"to", "2026-02-30"});
    bad.put("a date and time", new String[] {"from", "2026-12-03T10:00"});
    bad.put("from after to", new String[] {"from", "2026-12-04", "to", "2026-12-03"});
    bad.put("no such team", new String[] {"team", "no-such-team"});
    bad.put("no such outcome", new String[] {"outcome", "RESOLVED"});
    bad.put("a made-up next", new String[] {"words", "bins", "after", "conv:*"});
    bad.put("size zero", new String[] {"words", "bins", "size", "0"});
    bad.put("size too big", new String[] {"words", "bins", "size", "51"});
    bad.put("size not a number", new String[] {"words", "bins", "size", "1e3"});
    bad.forEach((what, query) -> {
      Reply reply = search(admin, query);
      assertThat(reply.status()).as(what).isEqualTo(400);
      assertThat(reply.json().path("error").asText()).as(what).isNotBlank();
    });
    assertThat(admin.get("/search/conversations/not-an-id").status()).isEqualTo(404);
    assertThat(admin.get("/search/conversations/" + UUID.randomUUID()).status()).isEqualTo(404);
  }

  @Test
  void aSupervisorWatchesAConversationWithTheBotUnseenAndThenTakesItOver() {
    StaffClient supervisor = account("sam", List.of("AGENT", "SUPERVISOR"), List.of());
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("when is my bin collected");
    String id = resident.conversationId;

    JsonNode listed = null;
    for (JsonNode row : supervisor.get("/supervisor/with-bot").json()) {
      listed = row.path("conversationId").asText().equals(id) ? row : listed;
    }
    assertThat(listed).as("in the list of conversations with the bot").isNotNull();
    assertThat(listed.path("state").asText()).isEqualTo("COLLECTING");
    assertThat(listed.path("topicTitle").asText()).isEqualTo("Bin collection day");
    assertThat(listed.toString()).doesNotContain("when is my bin collected");

    List<String> residentSaw = texts(resident.messages(0).json().path("messages"));
    JsonNode watched = supervisor.get("/supervisor/watch/" + id).json();
    assertThat(watched.path("transcript").toString()).contains("when is my bin collected");
    // Unseen: nothing of the watching reaches the resident.
    assertThat(texts(resident.messages(0).json().path("messages"))).isEqualTo(residentSaw);
    assertThat(resident.messages(0).json().path("staffTyping").asBoolean()).isFalse();
    long seen = watched.path("transcript").get(watched.path("transcript").size() - 1).path("seq").asLong();
    resident.say("CF10 1EP");
    JsonNode more = supervisor.get("/supervisor/watch/" + id + "?after=" + seen).json();
    assertThat(more.path("transcript").get(0).path("text").asText()).isEqualTo("CF10 1EP");
    assertThat(more.path("conversation").path("state").asText()).isEqualTo("BOT");
    assertThat(resident.messages(0).json().path("state").asText()).isEqualTo("BOT");
    assertThat(resident.last("system")).isNull();

    Reply taken = supervisor.post("/supervisor/conversations/" + id + "/take-over");
    assertThat(taken.status()).as(taken.raw().body()).isEqualTo(200);
    assertThat(taken.json().path("owner").asText()).startsWith("sam.");
    assertThat(resident.state()).isEqualTo("WITH_AGENT");
    assertThat(resident.last("system")).endsWith(" from the waste team has joined the conversation.");
    assertThat(supervisor.reply(id, "Hello, I can see your bin day.").status()).isEqualTo(200);
    Reply again = supervisor.post("/supervisor/conversations/" + id + "/take-over");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().path("error").asText()).startsWith("The bot no longer has this conversation: it is with sam.");

    List<String> actions = new ArrayList<>();
    admin().get("/admin/audit?limit=1000").json().forEach(e -> {
      if (e.path("conversationId").asText().equals(id)) {
        actions.add(e.path("action").asText());
      }
    });
    assertThat(actions).contains("watch", "take_over", "reply");
  }

  @Test
  void takingOverFollowsTheClaimRulesAndOnlySupervisorsWatch() {
    StaffClient supervisor = account("sid", List.of("AGENT", "SUPERVISOR"), List.of());
    StaffClient agent = account("amy", List.of("AGENT"), List.of());
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    String id = resident.conversationId;

    assertThat(agent.get("/supervisor/with-bot").status()).isEqualTo(403);
    assertThat(agent.get("/supervisor/watch/" + id).status()).isEqualTo(403);
    assertThat(agent.post("/supervisor/conversations/" + id + "/take-over").status()).isEqualTo(403);
    assertThat(supervisor.get("/supervisor/watch/" + id + "?after=-1").status()).isEqualTo(400);
    assertThat(supervisor.get("/supervisor/watch/" + UUID.randomUUID()).status()).isEqualTo(404);

    assertThat(supervisor.postJson("/presence", Map.of("presence", "away")).status()).isEqualTo(200);
    Reply away = supervisor.post("/supervisor/conversations/" + id + "/take-over");
    assertThat(away.status()).isEqualTo(409);
    assertThat(away.json().path("error").asText()).startsWith("You are set to away.");
    assertThat(resident.state()).isEqualTo("BOT");

    resident.say("can I speak to a person");
    assertThat(supervisor.postJson("/presence", Map.of("presence", "available")).status()).isEqualTo(200);
    Reply waiting = supervisor.post("/supervisor/conversations/" + id + "/take-over");
    assertThat(waiting.status()).isEqualTo(409);
    assertThat(waiting.json().path("error").asText())
        .isEqualTo("The bot no longer has this conversation: it is waiting in the queue.");
  }
}
