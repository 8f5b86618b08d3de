package org.townhall.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/** Who may call which console endpoint: anonymous, AGENT, ADMIN, and POSTs without the CSRF token. */
@TownhallTest
class ConsoleApiAuthorisationIntegrationTests {

  /** Every console GET, with a conversation id filled in where it needs one. */
  static final List<String> AGENT_GETS = List.of("/me", "/queue", "/conversations/{id}", "/conversations/{id}/notes");

  /** Every console POST and the body it needs to succeed. */
  static final Map<String, Object> AGENT_POSTS = Map.of(
      "/conversations/{id}/claim", Map.of(),
      "/conversations/{id}/messages", Map.of("text", "hello"),
      "/conversations/{id}/notes", Map.of("text", "a note"),
      "/conversations/{id}/transfer", Map.of("team", "housing"),
      "/conversations/{id}/typing", Map.of(),
      "/conversations/{id}/release", Map.of(),
      "/conversations/{id}/close", Map.of("wrapUp", "resolved"),
      "/presence", Map.of("presence", "available"));

  static final List<String> ADMIN_GETS = List.of("/admin/audit", "/admin/pause", "/admin/staff");

  static final Map<String, Object> ADMIN_POSTS = Map.of(
      "/admin/pause", Map.of("reason", "testing"),
      "/admin/resume", Map.of(),
      "/admin/staff", Map.of("username", "x", "password", "a-long-password-1", "roles", List.of("AGENT")));

  @LocalServerPort
  int port;

  String conversationId;

  @BeforeEach
  void aConversationWaits() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("can I speak to a person");
    conversationId = resident.conversationId;
  }

  private String path(String template) {
    return template.replace("{id}", conversationId);
  }

  @Test
  void anonymousCallsAreRefusedWith401AndPagesRedirectToTheLogin() {
    Http anonymous = new Http(port);
    for (String get : concat(AGENT_GETS, ADMIN_GETS, List.of("/queue/stream"))) {
      var reply = anonymous.send(anonymous.request("/api/console" + path(get)).GET());
      assertThat(reply.status()).as(get).isEqualTo(401);
      assertThat(reply.json().path("error").asText()).as(get).startsWith("Sign in first");
    }
    for (String post : concat(List.copyOf(AGENT_POSTS.keySet()), List.copyOf(ADMIN_POSTS.keySet()))) {
      var reply = anonymous.send(anonymous.request("/api/console" + path(post))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")));
      // Without a session there is no CSRF token either: the CSRF check refuses it before anything runs.
      assertThat(reply.status()).as(post).isEqualTo(403);
    }
    for (String page : List.of("/console/", "/console/index.html", "/console/admin.html")) {
      var reply = anonymous.send(anonymous.request(page).setHeader("Accept", "text/html").GET());
      assertThat(reply.status()).as(page).isEqualTo(302);
      assertThat(reply.raw().headers().firstValue("Location").orElse("")).endsWith("/console/login.html");
    }
  }

  @Test
  void postsWithoutTheCsrfTokenAreRefusedWith403AndChangeNothing() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    for (String post : concat(List.copyOf(AGENT_POSTS.keySet()), List.copyOf(ADMIN_POSTS.keySet()))) {
      var reply = admin.send(admin.request("/api/console" + path(post))
          .header("Content-Type", "application/json").POST(Http.json(Map.of("text", "x", "team", "housing"))));
      assertThat(reply.status()).as(post).isEqualTo(403);
      assertThat(reply.json().path("error").asText()).as(post).contains("CSRF");
    }
    assertThat(admin.get("/conversations/" + conversationId).json().path("state").asText()).isEqualTo("AWAITING_AGENT");
    assertThat(admin.get("/admin/pause").json().path("paused").asBoolean()).isFalse();
  }

  @Test
  void anAgentWorksTheQueueButGets403OnEveryAdminPageAndApi() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "agnes", "password", "agnes-password-1",
        "roles", List.of("AGENT"), "teams", List.of("housing"))).status()).isEqualTo(200);
    StaffClient agent = signedIn("agnes", "agnes-password-1");
    assertThat(agent.get("/me").json().path("roles").toString()).isEqualTo("[\"AGENT\"]");
    for (String get : AGENT_GETS) {
      assertThat(agent.get(path(get)).status()).as(get).isEqualTo(200);
    }
    for (String get : ADMIN_GETS) {
      assertThat(agent.get(path(get)).status()).as(get).isEqualTo(403);
      assertThat(agent.get(path(get)).json().path("error").asText()).as(get).contains("not allowed");
    }
    for (var post : ADMIN_POSTS.entrySet()) {
      assertThat(agent.postJson(post.getKey(), post.getValue()).status()).as(post.getKey()).isEqualTo(403);
    }
    for (String page : List.of("/console/admin.html", "/console/admin.js")) {
      assertThat(agent.send(agent.request(page).GET()).status()).as(page).isEqualTo(403);
    }
    assertThat(agent.send(agent.request("/console/").GET()).status()).isEqualTo(200);
    assertThat(agent.postJson("/conversations/" + conversationId + "/claim", Map.of()).status()).isEqualTo(200);
  }

  @Test
  void everyAgentActionSucceedsForItsOwnerAndIsAuditedForTheAdmin() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    List<String> order = List.of("/conversations/{id}/claim", "/conversations/{id}/messages",
        "/conversations/{id}/notes", "/conversations/{id}/transfer", "/conversations/{id}/claim",
        "/conversations/{id}/close");
    for (String post : order) {
      var reply = admin.postJson(path(post), AGENT_POSTS.get(post));
      assertThat(reply.status()).as(post + ": " + reply.json()).isEqualTo(200);
    }
    var audit = admin.get("/admin/audit?limit=50").json();
    List<String> mine = new java.util.ArrayList<>();
    audit.forEach(e -> {
      if (conversationId.equals(e.path("conversationId").asText())) {
        assertThat(e.path("actor").asText()).isEqualTo("admin");
        assertThat(e.path("at").asText()).as("an ISO-8601 instant, not a number")
            .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        mine.add(0, e.path("action").asText());
      }
    });
    assertThat(mine).containsExactly("claim", "reply", "note", "transfer", "claim", "close");
    assertThat(admin.get("/admin/audit?limit=0").status()).isEqualTo(400);
    assertThat(admin.get("/admin/audit?limit=abc").status()).isEqualTo(400);
  }

  @Test
  void theSignInCookieIsHttpOnlyAndStrict() {
    var login = new StaffClient(port).signIn("admin", TownhallTest.ADMIN_PASSWORD);

    // server.servlet.session.cookie.* reach Spring Session's cookie through Boot's session module.
    assertThat(login.raw().headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("SESSION="))
        .singleElement().satisfies(c -> assertThat(c).contains("; HttpOnly").contains("; SameSite=Strict"));
  }

  @Test
  void meListsTheAccountsRolesOnly() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);

    // Spring Security 7 adds FACTOR_PASSWORD to a password sign-in: not a role.
    assertThat(admin.get("/me").json().path("roles")).extracting(r -> r.asText())
        .containsExactly("ADMIN", "AGENT", "EDITOR");
  }

  private StaffClient signedIn(String username, String password) {
    StaffClient client = new StaffClient(port);
    assertThat(client.signIn(username, password).status()).isEqualTo(302);
    return client;
  }

  @SafeVarargs
  private static List<String> concat(List<String>... lists) {
    return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
  }
}
