package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.IdentityProvider;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Staff sign-in through a real OpenID Connect provider on loopback, the whole authorization-code flow
 * over HTTP, on two instances sharing Redis (as behind a load balancer): the claims give the roles, teams
 * and name, and a signed-in member of staff works the queue like anyone; someone the claims give no
 * role, or who would take over a local account, is refused and audited.
 */
class SingleSignOnIntegrationTests {

  private static RedisServer redis;
  private static IdentityProvider provider;
  private static BotInstance bot;
  private static BotInstance other;

  private final HttpClient providerBrowser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    provider = IdentityProvider.start();
    List<String> settings = new ArrayList<>(provider.settings());
    settings.addAll(List.of("townhall.store=redis", "townhall.redis.url=" + redis.url(),
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00"));
    bot = BotInstance.start(settings.toArray(String[]::new));
    other = BotInstance.start(settings.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable running : new AutoCloseable[] {other, bot, provider, redis}) {
      try {
        if (running != null) {
          running.close();
        }
      } catch (Exception e) {
        // the others still close
      }
    }
  }

  @Test
  void signsInThroughTheProviderWithTheRolesTeamsAndNameItsClaimsGive() {
    provider.nextSignIn("sam-subject", Map.of("preferred_username", "Sam.Jones@Council.gov.uk", "name", "Sam Jones",
        "roles", List.of("Townhall.Agent", "Townhall.CouncilTax", "Payroll.Viewer")));
    StaffClient sam = new StaffClient(bot.port());

    Reply start = sam.send(sam.request("/oauth2/authorization/council").GET());
    String authorize = start.raw().headers().firstValue("Location").orElseThrow();
    assertThat(authorize).startsWith(provider.issuer() + "/authorize?").contains("client_id=" + IdentityProvider.CLIENT_ID)
        .contains("code_challenge=").contains("code_challenge_method=S256").contains("nonce=")
        .contains("redirect_uri=http://127.0.0.1:" + bot.port() + "/login/oauth2/code/council");
    assertThat(start.raw().headers().allValues("Set-Cookie")).as("the session the provider sends the browser back to")
        .anySatisfy(c -> assertThat(c).startsWith("SESSION=").contains("SameSite=Lax").contains("HttpOnly"));

    Reply back = finish(sam, authorize);

    assertThat(back.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    JsonNode me = sam.get("/me").json();
    assertThat(me.path("username").asText()).isEqualTo("sam.jones@council.gov.uk");
    assertThat(me.path("roles").toString()).isEqualTo("[\"AGENT\"]");
    assertThat(me.path("teams").toString()).isEqualTo("[\"council-tax\"]");
    assertThat(sam.get("/me/second-factor").json().path("available").asBoolean()).as("the provider's own").isFalse();
    assertThat(sam.get("/admin/audit").status()).isEqualTo(403);

    // Working the queue, through the other instance: the session is in Redis.
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    resident.say("how do I pay my council tax");
    resident.say("can I speak to a person");
    StaffClient elsewhere = sam.sameBrowserOn(other.port());
    assertThat(elsewhere.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(elsewhere.reply(resident.conversationId, "Hello, I can help with that.").status()).isEqualTo(200);
    assertThat(resident.last("system")).isEqualTo("Sam Jones from the council tax team has joined the conversation.");
    JsonNode lines = resident.messages(0).json().path("messages");
    assertThat(lines.get(lines.size() - 1).path("author").asText()).isEqualTo("Sam Jones, Council tax team");

    StaffClient admin = admin();
    JsonNode trail = admin.get("/conversations/" + resident.conversationId).json().path("history");
    assertThat(trail.toString()).contains("\"actor\":\"sam.jones@council.gov.uk\"").contains("\"action\":\"claim\"");
    assertThat(admin.auditOf("sam.jones@council.gov.uk")).contains("sign-in: through Council SSO, from 127.0.0.1");
    JsonNode account = admin.account("sam.jones@council.gov.uk");
    assertThat(account.path("singleSignOn").asBoolean()).isTrue();
    assertThat(account.path("displayName").asText()).isEqualTo("Sam Jones");
  }

  @Test
  void theClaimsAtEachSignInDecideTheRolesAndAnAdministratorCanStopSomeoneSigningIn() {
    provider.nextSignIn("pat-subject", Map.of("preferred_username", "pat@council.gov.uk", "roles",
        List.of("Townhall.Agent")));
    StaffClient pat = signedIn();
    assertThat(pat.get("/supervisor/load").status()).isEqualTo(403);

    provider.nextSignIn("pat-subject", Map.of("preferred_username", "pat@council.gov.uk", "roles",
        List.of("Townhall.Supervisor")));
    StaffClient promoted = signedIn();
    assertThat(promoted.get("/me").json().path("roles").toString()).isEqualTo("[\"AGENT\",\"SUPERVISOR\"]");
    assertThat(promoted.get("/supervisor/load").status()).isEqualTo(200);

    StaffClient admin = admin();
    Reply roles = admin.postJson("/admin/staff", Map.of("username", "pat@council.gov.uk", "roles", List.of("ADMIN"),
        "teams", List.of()));
    assertThat(roles.status()).as("roles come from the provider").isEqualTo(400);
    Reply disabled = admin.postJson("/admin/staff", Map.of("username", "pat@council.gov.uk", "password", "",
        "roles", List.of("AGENT", "SUPERVISOR"), "teams", List.of(), "enabled", false));
    assertThat(disabled.status()).isEqualTo(200);
    assertThat(promoted.get("/me").status()).as("signed out at once, everywhere").isEqualTo(401);

    provider.nextSignIn("pat-subject", Map.of("preferred_username", "pat@council.gov.uk", "roles",
        List.of("Townhall.Supervisor")));
    StaffClient again = new StaffClient(bot.port());
    assertThat(refusal(again)).isEqualTo("disabled");
    assertThat(again.get("/me").status()).isEqualTo(401);
  }

  @Test
  void someoneTheClaimsGiveNoRoleIsRefusedAndNotSignedIn() {
    provider.nextSignIn("lee-subject", Map.of("preferred_username", "lee@council.gov.uk", "roles",
        List.of("Townhall.CouncilTax", "Payroll.Viewer")));
    StaffClient lee = new StaffClient(bot.port());

    assertThat(refusal(lee)).isEqualTo("no-role");
    assertThat(lee.get("/me").status()).isEqualTo(401);
    StaffClient admin = admin();
    assertThat(admin.auditOf("lee@council.gov.uk")).containsExactly(
        "sign-in-refused: no Townhall role in the provider's claims (Council SSO), from 127.0.0.1");
    assertThat(admin.get("/admin/staff").json().toString()).doesNotContain("lee@council.gov.uk");
  }

  @Test
  void theProviderCannotTakeOverALocalAccount() {
    provider.nextSignIn("mallory-subject", Map.of("preferred_username", "admin", "roles", List.of("Townhall.Agent")));
    StaffClient mallory = new StaffClient(bot.port());

    assertThat(refusal(mallory)).isEqualTo("local-account");
    assertThat(mallory.get("/me").status()).isEqualTo(401);
    assertThat(admin().get("/me").json().path("roles").toString()).as("the local admin as it was")
        .contains("ADMIN");
  }

  @Test
  void theSignInPageIsToldOfTheProvider() {
    StaffClient anyone = new StaffClient(bot.port());

    assertThat(anyone.send(anyone.request("/api/console/sign-in").GET()).json().toString()).isEqualTo(
        "{\"passwords\":true,\"singleSignOn\":{\"name\":\"Council SSO\",\"url\":\"/oauth2/authorization/council\"}}");
  }

  /** Through the provider and back: returns the bot's answer to the provider's redirect. */
  private Reply finish(StaffClient browser, String authorize) {
    try {
      HttpResponse<String> provided = providerBrowser.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      String callback = provided.headers().firstValue("Location").orElseThrow(
          () -> new AssertionError("the provider answered " + provided.statusCode() + ": " + provided.body()));
      return browser.send(HttpRequest.newBuilder(URI.create(callback)).GET());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private StaffClient signedIn() {
    StaffClient browser = new StaffClient(bot.port());
    Reply back = finish(browser, browser.send(browser.request("/oauth2/authorization/council").GET()).raw().headers()
        .firstValue("Location").orElseThrow());
    assertThat(back.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    return browser;
  }

  /** Goes through the provider; returns why the sign-in page says the bot refused. */
  private String refusal(StaffClient browser) {
    Reply back = finish(browser, browser.send(browser.request("/oauth2/authorization/council").GET()).raw().headers()
        .firstValue("Location").orElseThrow());
    String location = back.raw().headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("/console/login.html?refused=");
    return location.substring(location.indexOf("refused=") + "refused=".length());
  }

  private static StaffClient admin() {
    StaffClient admin = new StaffClient(bot.port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }
}
