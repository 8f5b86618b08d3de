package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;

/** An editor using the content API, as the console's editors' pages do. */
final class ContentEditor {

  static final String POTHOLE = "intents/report_pothole.yml";

  private final StaffClient staff;

  ContentEditor(StaffClient staff) {
    this.staff = staff;
  }

  /**
   * A bot instance of its own, with the known administrator password and the contact centre always
   * open: what editors publish there must not reach the shared test context.
   */
  static org.townhall.bot.support.BotInstance instance() {
    return org.townhall.bot.support.BotInstance.start("townhall.security.admin-password="
        + org.townhall.bot.support.TownhallTest.ADMIN_PASSWORD, "townhall.handoff.opens=00:00",
        "townhall.handoff.closes=00:00", org.townhall.bot.support.TownhallTest.ALWAYS_OPEN_DAYS,
        // two folds are enough to see a topic's recall fall, at a fraction of the default's training
        "townhall.content.gate.folds=2");
  }

  /** The instance's administrator, signed in. */
  static StaffClient administratorOf(org.townhall.bot.support.BotInstance bot) {
    StaffClient admin = new StaffClient(bot.port());
    assertThat(admin.signIn("admin", org.townhall.bot.support.TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  static String path(String path) {
    return URLEncoder.encode(path, StandardCharsets.UTF_8);
  }

  Reply file(String path) {
    return staff.send(staff.request("/api/console/content/draft/file?path=" + path(path)).GET());
  }

  Reply put(String path, String text) {
    return staff.send(staff.request("/api/console/content/draft/file?path=" + path(path))
        .header("X-XSRF-TOKEN", staff.csrf()).header("Content-Type", "text/plain; charset=UTF-8")
        .PUT(HttpRequest.BodyPublishers.ofString(text)));
  }

  Reply importZip(byte[] zip) {
    return staff.send(staff.request("/api/console/content/draft/import")
        .header("X-XSRF-TOKEN", staff.csrf()).header("Content-Type", "application/zip")
        .POST(HttpRequest.BodyPublishers.ofByteArray(zip)));
  }

  byte[] export(String what) throws Exception {
    var response = staff.send(staff.request("/api/console/content/" + what).GET()).raw();
    assertThat(response.statusCode()).isEqualTo(200);
    // Http reads bodies as text; fetch the bytes again with a byte handler
    return java.net.http.HttpClient.newHttpClient().send(staff.request("/api/console/content/" + what)
        .header("Cookie", staff.cookieHeader()).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
  }

  /** The pothole answer with its first sentence replaced. */
  String potholeAnswerSaying(String sentence) {
    String yaml = file(POTHOLE).raw().body();
    String changed = yaml.replace("You can report a pothole or damaged road or pavement online.", sentence);
    assertThat(changed).as("the built-in pothole answer starts as expected").isNotEqualTo(yaml);
    return changed;
  }

  /** The pothole topic's form, as the live content has it, with another answer and these training phrases. */
  Map<String, Object> potholeForm(String answer, java.util.List<String> phrases) {
    JsonNode pothole = staff.get("/content/intents/report_pothole").json();
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("title", pothole.path("title").asText());
    form.put("team", "highways");
    form.put("urgent", false);
    form.put("handoff", false);
    form.put("answer", Map.of("text", answer == null ? pothole.path("answer").path("text").asText() : answer));
    form.put("phrases", phrases);
    return form;
  }

  /** Puts an intent's form into the draft, with a precondition header (If-Match, If-None-Match) or none. */
  Reply putIntent(String id, Map<String, Object> form, String header, String value) {
    var request = staff.request("/api/console/content/intents/" + id).header("X-XSRF-TOKEN", staff.csrf())
        .header("Content-Type", "application/json");
    if (header != null) {
      request.header(header, value);
    }
    return staff.send(request.PUT(org.townhall.bot.support.Http.json(form)));
  }

  Reply publish(String message) {
    return staff.postJson("/content/publish", Map.of("message", message));
  }

  /** Waits for the publication to finish, and returns the versions list then. */
  JsonNode awaitPublished(int version) {
    return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
      JsonNode versions = staff.get("/content/versions").json();
      String state = versions.path("publishing").path("state").asText();
      assertThat(state).as("publishing: " + versions.path("publishing")).isNotEqualTo("failed")
          .isNotEqualTo("awaiting approval");
      return versions;
    }, versions -> versions.path("live").asInt() == version);
  }
}
