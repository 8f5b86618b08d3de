package org.townhall.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/**
 * What a person sees at an address the bot does not serve, or one they may not open: a page in the
 * service's own words (never Spring's "Whitelabel Error Page", never a sign-in page for a page that
 * does not exist), and a robots.txt that keeps crawlers out of the console and the APIs.
 */
@TownhallTest
class ErrorPagesIntegrationTests {

  @LocalServerPort
  int port;

  private Reply page(Http client, String path) {
    return client.send(client.request(path).setHeader("Accept", "text/html").GET());
  }

  @Test
  void anUnknownAddressIsAFriendly404NotASignInPage() {
    for (String path : List.of("/nope", "/index.php", "/wp-admin/", "/.env", "/actuator/env", "/actuator")) {
      Reply reply = page(new Http(port), path);
      assertThat(reply.status()).as(path).isEqualTo(404);
      assertThat(reply.raw().body()).as(path).contains("Page not found").doesNotContain("Whitelabel")
          .doesNotContain("login");
    }
  }

  @Test
  void aConsolePageAMemberOfStaffMayNotOpenIsAFriendly403() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "cal", "password", "cal-password-1",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    StaffClient agent = new StaffClient(port);
    assertThat(agent.signIn("cal", "cal-password-1").status()).isEqualTo(302);

    Reply reply = page(agent, "/console/admin.html");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.raw().body()).contains("You cannot open this page").doesNotContain("Whitelabel");
  }

  @Test
  void robotsAreKeptOutOfTheConsoleAndTheApis() {
    Reply reply = page(new Http(port), "/robots.txt");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().body()).contains("Disallow: /console/").contains("Disallow: /api/");
  }

  @Test
  void anUnknownApiAddressStillAnswersInJsonAsEveryApiRefusalDoes() {
    Http client = new Http(port);
    Reply reply = client.send(client.request("/api/nope").GET());

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.json().path("error").asText()).isNotBlank();
  }
}
