package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.WebChatClient;
import org.townhall.nlp.content.PackArchive;

/**
 * Editors change an answer in the draft, publish it, and residents get the new answer without a
 * restart; a broken pack is refused with its file and line; rollback, history, diff, export and
 * import; and only editors and administrators may do any of it. Its own instance, since it changes
 * what the bot says.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContentPublishingIntegrationTests {

  private static BotInstance bot;
  private static StaffClient admin;
  private static ContentEditor editor;

  @BeforeAll
  static void start() {
    bot = ContentEditor.instance();
    admin = ContentEditor.administratorOf(bot);
    editor = new ContentEditor(admin);
  }

  /** The tests share one draft: each starts from none. */
  @org.junit.jupiter.api.BeforeEach
  void noDraft() {
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  private String botSays(String message) {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    assertThat(resident.say(message).status()).isEqualTo(202);
    StringBuilder all = new StringBuilder();
    for (JsonNode line : resident.messages(0).json().path("messages")) {
      if ("bot".equals(line.path("from").asText())) {
        all.append(line.path("text").asText()).append('\n');
      }
    }
    return all.toString();
  }

  @Test
  void anEditedAnswerIsLiveAfterPublishingAndRollingBackRestoresIt() throws Exception {
    assertThat(botSays("there's a massive pothole on my road")).contains("You can report a pothole");
    int live = admin.get("/content/versions").json().path("live").asInt();

    var saved = editor.put(ContentEditor.POTHOLE, editor.potholeAnswerSaying("Tell us about the pothole on our new form."));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().path("problems")).isEmpty();
    assertThat(saved.json().path("changed")).hasSize(1);
    assertThat(saved.json().path("changed").get(0).path("diff").asText())
        .contains("-    You can report a pothole").contains("+    Tell us about the pothole on our new form.");
    assertThat(saved.json().path("edits").get(0).path("by").asText()).isEqualTo("admin");

    var publishing = editor.publish("New pothole form");
    assertThat(publishing.status()).isEqualTo(202);
    assertThat(publishing.json().path("state").asText()).isEqualTo("training");
    JsonNode versions = editor.awaitPublished(live + 1);
    assertThat(versions.path("versions").get(0).path("message").asText()).isEqualTo("New pothole form");
    assertThat(versions.path("versions").get(0).path("publishedBy").asText()).isEqualTo("admin");
    assertThat(botSays("there's a massive pothole on my road")).contains("Tell us about the pothole on our new form.");
    assertThat(admin.get("/content/draft").json().path("changed")).as("the published draft is done with").isEmpty();
    assertThat(admin.get("/content/diff?from=0&to=" + (live + 1)).json().get(0).path("path").asText())
        .isEqualTo(ContentEditor.POTHOLE);

    var rollback = admin.postJson("/content/rollback", Map.of("version", live, "message", "Back to the earlier answer"));
    assertThat(rollback.status()).isEqualTo(202);
    JsonNode after = editor.awaitPublished(live + 2);
    assertThat(after.path("versions").get(0).path("restoredFrom").asInt()).isEqualTo(live);
    assertThat(botSays("there's a massive pothole on my road")).contains("You can report a pothole")
        .doesNotContain("new form");
    String audit = admin.get("/admin/audit").raw().body();
    assertThat(audit).contains("content-publish").contains("content-rollback");
  }

  @Test
  void aBrokenFileIsShownWithItsLineAndCannotBePublished() {
    int live = admin.get("/content/versions").json().path("live").asInt();
    String broken = editor.file(ContentEditor.POTHOLE).raw().body().replace("team: highways", "team: [highways");
    var saved = editor.put(ContentEditor.POTHOLE, broken);
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().path("problems").get(0).path("file").asText()).isEqualTo(ContentEditor.POTHOLE);
    assertThat(saved.json().path("problems").get(0).path("line").asInt()).isPositive();

    var refused = editor.publish("Broken on purpose");
    assertThat(refused.status()).isEqualTo(422);
    assertThat(refused.json().path("problems").get(0).path("file").asText()).isEqualTo(ContentEditor.POTHOLE);
    assertThat(admin.get("/content/versions").json().path("live").asInt()).isEqualTo(live);

    assertThat(admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE())
        .json().path("changed")).isEmpty();
    assertThat(editor.publish("Nothing changed").status()).isEqualTo(409);
  }

  @Test
  void anExportImportsBackAsTheSameFiles() throws Exception {
    int live = admin.get("/content/versions").json().path("live").asInt();
    PackArchive archive = PackArchive.unzip(editor.export("versions/" + live + "/export"));
    assertThat(archive.files()).containsKey("pack.yml");
    PackArchive changed = archive.with("out-of-scope.yml",
        (archive.text("out-of-scope.yml").orElseThrow() + "  - \"what is the airspeed of a swallow\"\n")
            .getBytes(StandardCharsets.UTF_8));
    var imported = editor.importZip(changed.zip());
    assertThat(imported.status()).isEqualTo(200);
    assertThat(imported.json().path("changed")).hasSize(1);
    assertThat(imported.json().path("changed").get(0).path("path").asText()).isEqualTo("out-of-scope.yml");
    assertThat(PackArchive.unzip(editor.export("draft/export")).id()).isEqualTo(changed.id());
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  @Test
  void anEditorChangesAnIntentInItsFormAndTriesASentenceOnTheDraftBesideTheLiveVersion() throws Exception {
    JsonNode pothole = admin.get("/content/intents/report_pothole").json();
    assertThat(pothole.path("team").asText()).isEqualTo("highways");
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("title", pothole.path("title").asText());
    form.put("team", "highways");
    form.put("urgent", false);
    form.put("handoff", false);
    form.put("answer", Map.of("text", "Report potholes with a photo on our roads form.",
        "link", "https://www.example.gov.uk/roads", "options", java.util.List.of("Report a street light")));
    java.util.List<String> phrases = new java.util.ArrayList<>();
    pothole.path("phrases").forEach(p -> phrases.add(p.asText()));
    phrases.add("a crater has opened up outside the chippy");
    form.put("phrases", phrases);
    var saved = admin.send(admin.request("/api/console/content/intents/report_pothole").header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form)));
    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.json().path("problems")).isEmpty();
    assertThat(saved.json().path("changed").get(0).path("diff").asText()).contains("+  - a crater has opened up outside the chippy");
    JsonNode listed = null;
    for (JsonNode intent : admin.get("/content/intents").json()) {
      if (intent.path("id").asText().equals("report_pothole")) {
        listed = intent;
      }
    }
    assertThat(listed).isNotNull();
    assertThat(listed.path("changed").asBoolean()).isTrue();

    JsonNode trial = await().atMost(java.time.Duration.ofSeconds(90)).pollInterval(java.time.Duration.ofMillis(250))
        .until(() -> {
          JsonNode tried = admin.postJson("/content/try", Map.of("text", "there's a massive pothole on my road")).json();
          assertThat(tried.path("draftState").asText()).isIn("preparing", "ready");
          return tried;
        }, tried -> "ready".equals(tried.path("draftState").asText()));
    assertThat(trial.path("live").path("intent").asText()).isEqualTo("report_pothole");
    assertThat(trial.path("live").path("answer").asText()).startsWith("You can report a pothole");
    assertThat(trial.path("draft").path("intent").asText()).isEqualTo("report_pothole");
    assertThat(trial.path("draft").path("answer").asText()).isEqualTo("Report potholes with a photo on our roads form.");
    assertThat(trial.path("draft").path("quickReplies").get(0).asText()).isEqualTo("Report a street light");

    form.put("team", "no-such-team");
    var wrongTeam = admin.send(admin.request("/api/console/content/intents/report_pothole").header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form)));
    assertThat(wrongTeam.status()).isEqualTo(200);
    assertThat(wrongTeam.json().path("problems").get(0).path("message").asText()).contains("unknown team 'no-such-team'");
    assertThat(admin.send(admin.request("/api/console/content/intents/Bad-Id").header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form))).status()).isEqualTo(400);
    form.remove("answer");
    assertThat(admin.send(admin.request("/api/console/content/intents/report_pothole").header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form))).status()).isEqualTo(400);
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  private Map<String, Object> formOf(String id) {
    JsonNode intent = admin.get("/content/intents/" + id).json();
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("title", intent.path("title").asText());
    form.put("team", intent.path("team").asText());
    form.put("urgent", intent.path("urgent").asBoolean());
    form.put("handoff", intent.path("handoff").asBoolean());
    java.util.List<String> phrases = new java.util.ArrayList<>();
    intent.path("phrases").forEach(p -> phrases.add(p.asText()));
    form.put("phrases", phrases);
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("text", intent.path("answer").path("text").asText());
    answer.put("link", intent.path("answer").path("link").asText(null));
    form.put("answer", answer);
    return form;
  }

  private org.townhall.bot.support.Http.Reply putForm(String id, Map<String, Object> form) {
    return admin.send(admin.request("/api/console/content/intents/" + id).header("X-XSRF-TOKEN", admin.csrf())
        .header("Content-Type", "application/json").PUT(org.townhall.bot.support.Http.json(form)));
  }

  @SuppressWarnings("unchecked")
  private static void review(Map<String, Object> form, Object review) {
    Map<String, Object> answer = (Map<String, Object>) form.get("answer");
    answer.put("review", review);
  }

  private static JsonNode entry(JsonNode reviews, String intent) {
    for (JsonNode answer : reviews.path("answers")) {
      if (answer.path("intent").asText().equals(intent)) {
        return answer;
      }
    }
    throw new AssertionError(intent + " is not listed in " + reviews);
  }

  /**
   * An editor sets review dates in the topics' forms and the list, read from the draft, shows them at
   * once: overdue first (the longest overdue at the top), then due soon, then no date.
   */
  @Test
  void theDraftsAnswersDueForReviewAreListedOverdueFirst() {
    JsonNode before = admin.get("/content/reviews").json();
    assertThat(before.path("from").asText()).isEqualTo("draft");
    assertThat(before.path("within").asInt()).as("the configured default").isEqualTo(30);
    java.time.LocalDate today = java.time.LocalDate.parse(before.path("today").asText());
    JsonNode pothole = admin.get("/content/intents/report_pothole").json();
    assertThat(pothole.path("answer").path("review").path("source").asText())
        .isEqualTo("https://www.example.gov.uk/roads/report-a-pothole");

    Map<String, Object> longOverdue = formOf("report_pothole");
    review(longOverdue, Map.of("by", today.minusDays(400).toString(), "owner", "customer-services",
        "source", "https://www.example.gov.uk/roads/potholes"));
    assertThat(putForm("report_pothole", longOverdue).json().path("problems")).isEmpty();
    Map<String, Object> overdue = formOf("streetlight_fault");
    review(overdue, Map.of("by", today.minusDays(3).toString()));
    assertThat(putForm("streetlight_fault", overdue).status()).isEqualTo(200);
    Map<String, Object> dueSoon = formOf("graffiti");
    review(dueSoon, Map.of("by", today.plusDays(5).toString(), "source", "https://www.example.gov.uk/graffiti"));
    assertThat(putForm("graffiti", dueSoon).status()).isEqualTo(200);
    Map<String, Object> undated = formOf("flooding_drains");
    review(undated, Map.of("by", "", "owner", "", "source", ""));
    assertThat(putForm("flooding_drains", undated).status()).isEqualTo(200);
    assertThat(editor.file("intents/report_pothole.yml").raw().body())
        .contains("  review:\n    owner: customer-services\n    by: " + today.minusDays(400) + "\n");

    JsonNode reviews = admin.get("/content/reviews").json();
    java.util.List<String> order = new java.util.ArrayList<>();
    java.util.List<String> statuses = new java.util.ArrayList<>();
    reviews.path("answers").forEach(a -> {
      order.add(a.path("intent").asText());
      statuses.add(a.path("status").asText());
    });
    assertThat(order.get(0)).isEqualTo("report_pothole");
    assertThat(order.indexOf("streetlight_fault")).isLessThan(order.indexOf("graffiti"));
    assertThat(order.get(order.size() - 1)).isEqualTo("flooding_drains");
    int firstDue = statuses.indexOf("due");
    assertThat(statuses.subList(0, firstDue)).containsOnly("overdue");
    assertThat(statuses.subList(firstDue, statuses.size() - 1)).containsOnly("due");
    JsonNode first = entry(reviews, "report_pothole");
    assertThat(first.path("status").asText()).isEqualTo("overdue");
    assertThat(first.path("days").asInt()).isEqualTo(-400);
    assertThat(first.path("owner").asText()).isEqualTo("customer-services");
    assertThat(first.path("title").asText()).isEqualTo("Report a pothole");
    assertThat(first.path("source").asText()).isEqualTo("https://www.example.gov.uk/roads/potholes");
    assertThat(entry(reviews, "graffiti").path("days").asInt()).isEqualTo(5);
    JsonNode none = entry(reviews, "flooding_drains");
    assertThat(none.path("status").asText()).isEqualTo("no date");
    assertThat(none.path("owner").asText()).isEqualTo("highways");
    assertThat(none.has("by")).isFalse();

    JsonNode nothingAhead = admin.get("/content/reviews?within=0").json();
    assertThat(nothingAhead.path("within").asInt()).isZero();
    java.util.List<String> dueToday = new java.util.ArrayList<>();
    nothingAhead.path("answers").forEach(a -> dueToday.add(a.path("intent").asText()));
    assertThat(dueToday).contains("report_pothole", "streetlight_fault", "flooding_drains").doesNotContain("graffiti");

    // "Mark reviewed": a new date in the form, and the answer leaves the list.
    review(longOverdue, Map.of("by", today.plusYears(1).toString()));
    assertThat(putForm("report_pothole", longOverdue).status()).isEqualTo(200);
    java.util.List<String> after = new java.util.ArrayList<>();
    admin.get("/content/reviews").json().path("answers").forEach(a -> after.add(a.path("intent").asText()));
    assertThat(after).doesNotContain("report_pothole").contains("streetlight_fault");
  }

  @Test
  void aReviewThatIsNotADateAPageOrATeamIsRefusedNamingTheField() {
    Map<String, Object> form = formOf("report_pothole");
    review(form, Map.of("by", "31/12/2027", "source", "http://www.example.gov.uk/roads", "owner", "roads"));
    var refused = putForm("report_pothole", form);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText())
        .contains("answer.review.by: '31/12/2027' is not a date written year-month-day")
        .contains("answer.review.source: must be the full https address")
        .contains("answer.review.owner: 'roads' is not a team");
    review(form, Map.of("by", "2027-02-30"));
    assertThat(putForm("report_pothole", form).json().path("error").asText()).startsWith("answer.review.by:");
    assertThat(admin.get("/content/draft").json().path("changed")).as("nothing went into the draft").isEmpty();
    assertThat(admin.get("/content/reviews?within=367").status()).isEqualTo(400);
    assertThat(admin.get("/content/reviews?within=-1").json().path("error").asText()).startsWith("within:");
    assertThat(admin.get("/content/reviews?within=soon").status()).isEqualTo(400);
  }

  @Test
  void aChangeToSafeguardingContentIsPublishedOnlyWhenASecondAdministratorApprovesIt() throws Exception {
    String path = "safeguarding/categories/fire_smoke.yml";
    String before = editor.file(path).raw().body();
    assertThat(before).contains("help:");
    String changed = before.replaceFirst("help: >-\n", "help: >-\n  Get everyone out now.\n");
    assertThat(changed).isNotEqualTo(before);
    assertThat(editor.put(path, changed).json().path("problems")).isEmpty();
    int live = admin.get("/content/versions").json().path("live").asInt();

    var asked = editor.publish("Clearer fire help");
    assertThat(asked.status()).isEqualTo(202);
    assertThat(asked.json().path("state").asText()).isEqualTo("awaiting approval");
    JsonNode waiting = admin.get("/content/versions").json();
    assertThat(waiting.path("live").asInt()).isEqualTo(live);
    assertThat(waiting.path("awaitingApproval").path("safeguardingFiles").get(0).asText()).isEqualTo(path);
    assertThat(editor.publish("Another change meanwhile").status()).isEqualTo(409);
    assertThat(admin.post("/content/approval/approve").status()).as("not by the person who asked").isEqualTo(409);

    admin.postJson("/admin/staff", Map.of("username", "lead", "password", "safeguarding-lead-password",
        "roles", java.util.List.of("ADMIN"), "teams", java.util.List.of()));
    admin.postJson("/admin/staff", Map.of("username", "editor-two", "password", "editor-two-password-1",
        "roles", java.util.List.of("EDITOR"), "teams", java.util.List.of()));
    StaffClient editorTwo = new StaffClient(bot.port());
    assertThat(editorTwo.signIn("editor-two", "editor-two-password-1").status()).isEqualTo(302);
    assertThat(editorTwo.post("/content/approval/approve").status()).as("only an administrator").isEqualTo(403);

    StaffClient lead = new StaffClient(bot.port());
    assertThat(lead.signIn("lead", "safeguarding-lead-password").status()).isEqualTo(302);
    assertThat(lead.post("/content/approval/approve").status()).isEqualTo(202);
    JsonNode published = editor.awaitPublished(live + 1);
    assertThat(published.path("versions").get(0).path("approvedBy").asText()).isEqualTo("lead");
    assertThat(published.path("versions").get(0).path("publishedBy").asText()).isEqualTo("admin");
    assertThat(published.path("awaitingApproval").isMissingNode() || published.path("awaitingApproval").isNull())
        .as("nothing waits now: " + published.path("awaitingApproval")).isTrue();

    // turned down: nothing changes for residents
    assertThat(editor.put(path, before).json().path("problems")).isEmpty();
    assertThat(editor.publish("Back as it was").json().path("state").asText()).isEqualTo("awaiting approval");
    var turnedDown = lead.postJson("/content/approval/reject", Map.of("reason", "keep the clearer wording"));
    assertThat(turnedDown.status()).isEqualTo(200);
    assertThat(turnedDown.json().path("problem").asText()).isEqualTo("turned down by lead: keep the clearer wording");
    assertThat(admin.get("/content/versions").json().path("live").asInt()).isEqualTo(live + 1);
    assertThat(admin.get("/admin/audit").raw().body()).contains("content-approve").contains("content-reject");
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  private static JsonNode testResult(JsonNode evaluation, String name) {
    for (JsonNode test : evaluation.path("tests")) {
      if (test.path("name").asText().equals(name)) {
        return test;
      }
    }
    throw new AssertionError("no result for " + name + " in " + evaluation.path("tests"));
  }

    private JsonNode evaluated() {
    assertThat(admin.post("/content/evaluation").status()).isEqualTo(202);
    return await().atMost(java.time.Duration.ofSeconds(180)).pollInterval(java.time.Duration.ofMillis(250))
        .until(() -> {
          JsonNode evaluation = admin.get("/content/evaluation").json();
          assertThat(evaluation.path("state").asText()).isIn("running", "done");
          return evaluation;
        }, evaluation -> "done".equals(evaluation.path("state").asText()));
  }

  @Test
  void aDraftWhosePhrasesChangedIsEvaluatedFirstAndAFallBlocksItUnlessAnAdministratorOverrides() throws Exception {
    int live = admin.get("/content/versions").json().path("live").asInt();
    assertThat(editor.putIntent("report_pothole", editor.potholeForm(null, java.util.List.of("report a pothole")),
        null, null).status()).isEqualTo(200);

    // A test file of the editors' own, with a message for a topic the draft does not have
    assertThat(editor.put("tests/regressions.jsonl", """
        {"text": "there's a massive hole in the road outside number 4", "intent": "report_pothole"}
        {"text": "when do the fireworks start", "intent": "no_such_topic"}
        """).json().path("problems")).isEmpty();

    var first = editor.publish("Fewer pothole phrases");
    assertThat(first.status()).isEqualTo(409);
    assertThat(first.json().path("error").asText()).contains("evaluate it first");

    JsonNode evaluation = evaluated();
    assertThat(evaluation.path("passes").asBoolean()).isFalse();
    assertThat(evaluation.path("why").asText()).contains("Report a pothole falls from")
        .contains("on the test messages in holdout.jsonl, accuracy falls from");
    JsonNode holdout = testResult(evaluation, "holdout.jsonl");
    assertThat(holdout.path("measured").asInt()).isEqualTo(291);
    assertThat(holdout.path("skipped").asInt()).isZero();
    assertThat(holdout.path("accuracyAfter").asDouble()).isLessThan(holdout.path("accuracyBefore").asDouble());
    assertThat(holdout.path("regressions").asInt()).isPositive();
    JsonNode regression = holdout.path("shown").get(0);
    assertThat(regression.path("expected").asText()).isEqualTo("report_pothole");
    assertThat(regression.path("before").asText()).isEqualTo("report_pothole");
    assertThat(regression.path("after").asText()).isNotEqualTo("report_pothole").isNotEmpty();
    JsonNode own = testResult(evaluation, "regressions.jsonl");
    assertThat(own.path("measured").asInt()).isEqualTo(1);
    assertThat(own.path("skipped").asInt()).isEqualTo(1);
    assertThat(evaluation.path("intentsWorse").get(0).path("intent").asText()).isEqualTo("report_pothole");
    assertThat(evaluation.path("intentsWorse").get(0).path("after").asDouble())
        .isLessThan(evaluation.path("intentsWorse").get(0).path("before").asDouble());

    var blocked = editor.publish("Fewer pothole phrases");
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.json().path("error").asText()).contains("An administrator can publish it anyway");
    var overridden = admin.postJson("/content/publish", Map.of("message", "Fewer pothole phrases",
        "override", "the old phrases are being rewritten this week"));
    assertThat(overridden.status()).isEqualTo(202);
    JsonNode published = editor.awaitPublished(live + 1);
    assertThat(published.path("versions").get(0).path("message").asText())
        .contains("published despite the evaluation: the old phrases are being rewritten this week");
    assertThat(admin.get("/admin/audit").raw().body()).contains("content-publish-override");

    assertThat(admin.postJson("/content/rollback", Map.of("version", live, "message", "Phrases back")).status())
        .isEqualTo(202);
    editor.awaitPublished(live + 2);
  }

  private static final java.util.List<String> POTHOLE_PHRASES = java.util.List.of("report a pothole", "pothole in the road");

  @Test
  void twoEditorsChangingTheSameTopicDoNotUndoEachOther() {
    admin.postJson("/admin/staff", Map.of("username", "eddie", "password", "eddie-edits-content-1",
        "roles", java.util.List.of("EDITOR"), "teams", java.util.List.of()));
    StaffClient eddie = new StaffClient(bot.port());
    assertThat(eddie.signIn("eddie", "eddie-edits-content-1").status()).isEqualTo(302);
    ContentEditor eddieEdits = new ContentEditor(eddie);

    var adminOpened = admin.get("/content/intents/report_pothole");
    var eddieOpened = eddie.get("/content/intents/report_pothole");
    String opened = adminOpened.raw().headers().firstValue("ETag").orElseThrow();
    assertThat(eddieOpened.raw().headers().firstValue("ETag")).contains(opened);

    var first = editor.putIntent("report_pothole",
        editor.potholeForm("First editor's answer.", POTHOLE_PHRASES), "If-Match", opened);
    assertThat(first.status()).isEqualTo(200);
    String afterFirst = first.raw().headers().firstValue("ETag").orElseThrow();
    assertThat(afterFirst).isNotEqualTo(opened);

    var second = eddieEdits.putIntent("report_pothole",
        editor.potholeForm("Second editor's answer.", POTHOLE_PHRASES), "If-Match", opened);
    assertThat(second.status()).isEqualTo(412);
    assertThat(second.json().path("error").asText()).startsWith("Not saved: admin changed it at ")
        .contains("after you opened it. Open it again");
    assertThat(admin.get("/content/intents/report_pothole").json().path("answer").path("text").asText())
        .isEqualTo("First editor's answer.");

    var reopened = eddie.get("/content/intents/report_pothole");
    assertThat(reopened.raw().headers().firstValue("ETag")).contains(afterFirst);
    assertThat(eddieEdits.putIntent("report_pothole",
        editor.potholeForm("Second editor's answer.", POTHOLE_PHRASES), "If-Match", afterFirst).status())
        .isEqualTo(200);

    // A new topic whose id someone else took meanwhile; a new one nobody has; an If-Match that is no ETag.
    assertThat(eddieEdits.putIntent("report_pothole",
        editor.potholeForm("Third.", POTHOLE_PHRASES), "If-None-Match", "*").status()).isEqualTo(412);
    Map<String, Object> sinkhole = editor.potholeForm("Sinkholes.", POTHOLE_PHRASES);
    sinkhole.put("title", "Report a sinkhole");
    sinkhole.put("phrases", java.util.List.of("the ground has opened up in the road"));
    assertThat(eddieEdits.putIntent("report_a_sinkhole", sinkhole, "If-None-Match", "*").status())
        .isEqualTo(200);
    assertThat(eddieEdits.putIntent("report_pothole",
        editor.potholeForm("Fourth.", POTHOLE_PHRASES), "If-Match", "yesterday's").status()).isEqualTo(400);

    // Files, and retiring, likewise.
    var file = editor.file("signposts.yml");
    String fileTag = file.raw().headers().firstValue("ETag").orElseThrow();
    assertThat(eddie.send(eddie.request("/api/console/content/draft/file?path=signposts.yml")
        .header("X-XSRF-TOKEN", eddie.csrf()).header("Content-Type", "text/plain; charset=UTF-8")
        .header("If-Match", fileTag).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(file.raw().body() + "\n")))
        .status()).isEqualTo(200);
    assertThat(admin.send(admin.request("/api/console/content/draft/file?path=signposts.yml")
        .header("X-XSRF-TOKEN", admin.csrf()).header("Content-Type", "text/plain; charset=UTF-8")
        .header("If-Match", fileTag).PUT(java.net.http.HttpRequest.BodyPublishers.ofString(file.raw().body())))
        .status()).isEqualTo(412);
    assertThat(admin.send(admin.request("/api/console/content/intents/report_pothole").header("X-XSRF-TOKEN",
        admin.csrf()).header("If-Match", afterFirst).DELETE()).status()).isEqualTo(412);
    assertThat(admin.get("/content/intents/report_pothole").json().path("answer").path("text").asText())
        .isEqualTo("Second editor's answer.");
  }

  @Test
  void aNewBinRoundsFileIsCheckedByLinePreviewedForPostcodesAndAnsweredFromOncePublished() throws Exception {
    var current = admin.get("/content/rounds/current");
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.raw().headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String rounds = current.raw().body();
    assertThat(rounds).contains("CF11,CF11-WED,Wednesday,weekly");
    assertThat(admin.get("/content/rounds/preview").status()).as("nothing uploaded yet").isEqualTo(404);
    assertThat(botSays("when is my bin collected CF11 6AA")).contains("Your bins are collected on Wednesdays");

    String broken = "area,round,day,weeks,bins\nCF10,R1,Monday,weekly,recycling\nCF11,R2,Funday,weekly,recycling\n";
    JsonNode problems = editor.put("collections/rounds.csv", broken).json().path("problems");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0).path("file").asText()).isEqualTo("collections/rounds.csv");
    assertThat(problems.get(0).path("line").asInt()).isEqualTo(3);
    assertThat(problems.get(0).path("message").asText()).contains("'Funday' is not a day of the week");
    assertThat(editor.publish("Broken rounds").status()).isEqualTo(422);

    String moved = rounds.replace("CF11,CF11-WED,Wednesday", "CF11,CF11-THU,Thursday");
    assertThat(moved).isNotEqualTo(rounds);
    assertThat(editor.put("collections/rounds.csv", moved).json().path("problems")).isEmpty();
    JsonNode preview = admin.get("/content/rounds/preview?postcodes=" + ContentEditor.path("CF11 6AA, CF99 1AA, hello"))
        .json();
    assertThat(preview.path("changed").asInt()).isEqualTo(1);
    assertThat(preview.path("added").asInt()).isZero();
    assertThat(preview.path("removed").asInt()).isZero();
    JsonNode rows = preview.path("rows");
    assertThat(rows.get(0).path("area").asText()).isEqualTo("CF11");
    assertThat(rows.get(1).path("area").asText()).isEqualTo("CF11 6AA");
    assertThat(rows.get(1).path("now").asText()).contains("collected on Wednesdays");
    assertThat(rows.get(1).path("withNewFile").asText()).contains("collected on Thursdays");
    assertThat(rows.get(2).path("withNewFile").asText()).isEqualTo("Not in Demo Council's area.");
    assertThat(rows.get(3).path("now").asText()).isEqualTo("Not a postcode.");
    assertThat(admin.get("/content/rounds/preview?postcodes=" + ContentEditor.path("CF1,".repeat(11))).status())
        .isEqualTo(400);

    int live = admin.get("/content/versions").json().path("live").asInt();
    assertThat(editor.publish("CF11 moves to Thursdays").status()).isEqualTo(202);
    editor.awaitPublished(live + 1);
    assertThat(botSays("when is my bin collected CF11 6AA")).contains("Your bins are collected on Thursdays");
    assertThat(admin.get("/content/rounds/current").raw().body()).isEqualTo(moved);

    assertThat(admin.postJson("/content/rollback", Map.of("version", live, "message", "Back to Wednesdays")).status())
        .isEqualTo(202);
    editor.awaitPublished(live + 2);
    assertThat(botSays("when is my bin collected CF11 6AA")).contains("Your bins are collected on Wednesdays");
  }

  @Test
  void badInputIsRefusedClearlyAndChangesNothing() {
    assertThat(editor.put("../../etc/passwd.yml", "x: 1").status()).isEqualTo(400);
    assertThat(editor.put("intents/run.sh", "echo").status()).isEqualTo(400);
    assertThat(editor.put(ContentEditor.POTHOLE, "").status()).isEqualTo(400);
    assertThat(editor.importZip("not a zip".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    assertThat(editor.file("intents/no_such_intent.yml").status()).isEqualTo(404);
    assertThat(admin.postJson("/content/publish", Map.of()).status()).isEqualTo(400);
    assertThat(admin.postJson("/content/rollback", Map.of("version", 999, "message", "x")).status()).isEqualTo(404);
    assertThat(admin.get("/content/versions/999/export").status()).isEqualTo(404);
    assertThat(admin.get("/content/diff?from=abc").status()).isEqualTo(400);
    assertThat(admin.get("/content/draft").json().path("changed")).isEmpty();
  }

  @Test
  void onlyEditorsAndAdministratorsReachTheContent() {
    admin.postJson("/admin/staff", Map.of("username", "agent-only", "password", "agent-only-password-1",
        "roles", java.util.List.of("AGENT"), "teams", java.util.List.of("general")));
    admin.postJson("/admin/staff", Map.of("username", "editor-only", "password", "editor-only-password-1",
        "roles", java.util.List.of("EDITOR"), "teams", java.util.List.of()));
    StaffClient agent = new StaffClient(bot.port());
    assertThat(agent.signIn("agent-only", "agent-only-password-1").status()).isEqualTo(302);
    assertThat(agent.get("/content/versions").status()).isEqualTo(403);
    assertThat(agent.get("/content/reviews").status()).isEqualTo(403);
    assertThat(new ContentEditor(agent).put(ContentEditor.POTHOLE, "x: 1").status()).isEqualTo(403);

    StaffClient editorOnly = new StaffClient(bot.port());
    assertThat(editorOnly.signIn("editor-only", "editor-only-password-1").status()).isEqualTo(302);
    assertThat(editorOnly.get("/content/versions").status()).isEqualTo(200);
    var reviews = editorOnly.get("/content/reviews");
    assertThat(reviews.status()).isEqualTo(200);
    assertThat(reviews.json().path("answers").isArray()).isTrue();
    assertThat(editorOnly.get("/admin/staff").status()).isEqualTo(403);
    assertThat(editorOnly.get("/queue").status()).isEqualTo(403);
    assertThat(editorOnly.post("/presence").status()).isEqualTo(403);
    assertThat(editorOnly.get("/me").json().path("roles").toString()).isEqualTo("[\"EDITOR\"]");
  }

  /** Where the sign-in form sends each person (it always sends them to /console/), and which pages open. */
  @Test
  void editorsStartOnTheContentPagesWhichAgentsCannotOpen() {
    admin.postJson("/admin/staff", Map.of("username", "editor-start", "password", "editor-start-password-1",
        "roles", java.util.List.of("EDITOR"), "teams", java.util.List.of()));
    admin.postJson("/admin/staff", Map.of("username", "agent-start", "password", "agent-start-password-1",
        "roles", java.util.List.of("AGENT"), "teams", java.util.List.of("general")));
    StaffClient editorOnly = new StaffClient(bot.port());
    assertThat(editorOnly.signIn("editor-start", "editor-start-password-1").raw().headers().firstValue("Location")
        .orElse("")).endsWith("/console/");
    var start = page(editorOnly, "/console/");
    assertThat(start.status()).isEqualTo(302);
    assertThat(start.raw().headers().firstValue("Location").orElse("")).endsWith("/console/content.html");
    assertThat(page(editorOnly, "/console").raw().headers().firstValue("Location").orElse("")).endsWith("/console/");
    for (String page : java.util.List.of("/console/content.html", "/console/content/content.js", "/console/api.js",
        "/console/app.css")) {
      assertThat(page(editorOnly, page).status()).as(page).isEqualTo(200);
    }
    assertThat(page(editorOnly, "/console/index.html").status()).isEqualTo(403);

    StaffClient agent = new StaffClient(bot.port());
    assertThat(agent.signIn("agent-start", "agent-start-password-1").status()).isEqualTo(302);
    var queue = page(agent, "/console/");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.raw().body()).contains("id=\"queue\"");
    for (String page : java.util.List.of("/console/content.html", "/console/content/content.js")) {
      assertThat(page(agent, page).status()).as(page).isEqualTo(403);
    }
    assertThat(page(admin, "/console/").status()).as("an administrator who is an agent starts at the queue")
        .isEqualTo(200);
    assertThat(page(admin, "/console/content.html").status()).isEqualTo(200);
  }

  private static org.townhall.bot.support.Http.Reply page(StaffClient who, String path) {
    return who.send(who.request(path).setHeader("Accept", "text/html").GET());
  }

  @Test
  void theDraftListsItsFilesWithTheirSizes() {
    JsonNode files = admin.get("/content/draft/files").json();
    java.util.List<String> paths = new java.util.ArrayList<>();
    files.forEach(f -> paths.add(f.path("path").asText()));
    assertThat(paths).contains("pack.yml", "signposts.yml", "out-of-scope.yml", ContentEditor.POTHOLE)
        .isSorted();
    String signposts = editor.file("signposts.yml").raw().body();
    assertThat(sizeOf(files, "signposts.yml")).isEqualTo(signposts.getBytes(StandardCharsets.UTF_8).length);

    String longer = signposts + "# checked by the editors\n";
    assertThat(editor.put("signposts.yml", longer).status()).isEqualTo(200);
    assertThat(sizeOf(admin.get("/content/draft/files").json(), "signposts.yml"))
        .isEqualTo(longer.getBytes(StandardCharsets.UTF_8).length);
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
  }

  private static int sizeOf(JsonNode files, String path) {
    for (JsonNode file : files) {
      if (file.path("path").asText().equals(path)) {
        return file.path("bytes").asInt();
      }
    }
    throw new AssertionError(path + " is not listed in " + files);
  }
}
