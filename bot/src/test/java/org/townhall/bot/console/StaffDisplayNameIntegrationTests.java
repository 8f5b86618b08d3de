package org.townhall.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Residents meet a member of staff by the name the administrator gave them and the team they are
 * in ("Sam from the council tax team"), never by their user name.
 */
@TownhallTest
class StaffDisplayNameIntegrationTests {

  @LocalServerPort
  int port;

  private StaffClient admin() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  @Test
  void residentsSeeTheDisplayNameAndTeamNotTheUserName() {
    StaffClient admin = admin();
    JsonNode saved = admin.postJson("/admin/staff", Map.of("username", "sam.jones", "password", "sam-password-12",
        "roles", List.of("AGENT"), "displayName", "Sam")).json();
    assertThat(saved.path("displayName").asText()).isEqualTo("Sam");
    StaffClient sam = new StaffClient(port);
    assertThat(sam.signIn("sam.jones", "sam-password-12").status()).isEqualTo(302);

    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    resident.say("can I speak to a person");
    assertThat(sam.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(sam.reply(resident.conversationId, "Hello, I can help with that.").status()).isEqualTo(200);

    assertThat(resident.last("system")).isEqualTo("Sam from the council tax team has joined the conversation.");
    JsonNode lines = resident.messages(0).json().path("messages");
    JsonNode reply = lines.get(lines.size() - 1);
    assertThat(reply.path("from").asText()).isEqualTo("agent");
    assertThat(reply.path("author").asText()).isEqualTo("Sam, Council tax team");
    assertThat(lines.toString()).doesNotContain("sam.jones");
    assertThat(lines.get(0).has("author")).as("only staff lines are signed").isFalse();
  }

  @Test
  void aDisplayNameIsPlainWordsOnly() {
    var refused = admin().postJson("/admin/staff", Map.of("username", "eve.x", "password", "eve-password-12",
        "roles", List.of("AGENT"), "displayName", "<img src=x onerror=alert(1)>"));

    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.json().path("error").asText()).contains("displayName");
  }
}
