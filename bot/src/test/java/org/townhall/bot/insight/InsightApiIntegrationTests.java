package org.townhall.bot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/** The insight API: who may read it, and each refusal as a 400 that names what is wrong. */
@TownhallTest
class InsightApiIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void onlyAdministratorsAndManagersReadTheFiguresAndNothingElseIsOpenToAManager() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    for (String role : List.of("MANAGER", "AGENT")) {
      String name = "insight-" + role.toLowerCase();
      assertThat(admin.postJson("/admin/staff", Map.of("username", name, "password", name + "-password",
          "roles", List.of(role))).status()).isEqualTo(200);
    }
    StaffClient manager = signedIn("insight-manager", "insight-manager-password");
    StaffClient agent = signedIn("insight-agent", "insight-agent-password");

    Reply figures = manager.get("/insight?from=2026-01-01&to=2026-01-31&channel=webchat&team=housing");
    assertThat(figures.status()).isEqualTo(200);
    assertThat(figures.json().path("from").asText()).isEqualTo("2026-01-01");
    assertThat(figures.json().path("previousFrom").asText()).isEqualTo("2025-12-01");
    assertThat(figures.json().path("totals").has("contacts")).isTrue();
    assertThat(figures.json().path("totals").has("containmentRate")).as("no rate without anything closed").isFalse();
    assertThat(figures.json().path("daily")).hasSize(31);
    Reply csv = manager.get("/insight.csv?table=topics&from=2026-01-01&to=2026-01-31");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.raw().headers().firstValue("Content-Disposition").orElse(""))
        .contains("insight-topics-2026-01-01-to-2026-01-31.csv");
    assertThat(admin.get("/insight").status()).isEqualTo(200);

    assertThat(agent.get("/insight").status()).isEqualTo(403);
    assertThat(agent.get("/insight.csv?table=totals").status()).isEqualTo(403);
    assertThat(manager.get("/queue").status()).isEqualTo(403);
    assertThat(manager.get("/content/draft").status()).isEqualTo(403);
    assertThat(manager.get("/supervisor/load").status()).isEqualTo(403);
  }

  @Test
  void everyRefusalIsA400NamingWhatIsWrong() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertRefused(admin.get("/insight?from=yesterday"), "from must be a date as YYYY-MM-DD");
    assertRefused(admin.get("/insight?from=2026-02-30&to=2026-03-01"), "that exists");
    assertRefused(admin.get("/insight?from=2026-03-02&to=2026-03-01"), "ends before it starts");
    assertRefused(admin.get("/insight?from=2024-01-01&to=2026-01-01"), "at most 366 days");
    assertRefused(admin.get("/insight?channel=fax"), "channel must be one of");
    assertRefused(admin.get("/insight?team=Not%20A%20Team"), "team must be");
    assertRefused(admin.get("/insight.csv?table=everything"), "table must be one of");
    assertRefused(admin.get("/insight.csv"), "table must be one of");
    assertThat(admin.get("/insight?from=2025-01-01&to=2026-01-01").status()).as("366 days").isEqualTo(200);
  }

  private static void assertRefused(Reply reply, String saying) {
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().size()).as("only {\"error\": …}").isEqualTo(1);
    assertThat(reply.json().path("error").asText()).contains(saying);
  }

  private StaffClient signedIn(String username, String password) {
    StaffClient client = new StaffClient(port);
    assertThat(client.signIn(username, password).status()).isEqualTo(302);
    return client;
  }
}
