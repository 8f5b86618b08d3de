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
 * A supervisor sees who has how much and gives conversations to named colleagues: one waiting, or
 * one a colleague has. Agents cannot.
 */
@TownhallTest
class SupervisorIntegrationTests {

  @LocalServerPort
  int port;

  private StaffClient signedIn(String username, String password) {
    StaffClient client = new StaffClient(port);
    assertThat(client.signIn(username, password).status()).isEqualTo(302);
    return client;
  }

  private void account(StaffClient admin, String username, List<String> roles) {
    assertThat(admin.postJson("/admin/staff", Map.of("username", username, "password", username + "-password-1",
        "roles", roles)).status()).isEqualTo(200);
  }

  private WebChatClient waitingResident() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("can I speak to a person about my council tax bill");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    return resident;
  }

  private JsonNode loadOf(StaffClient supervisor, String username) {
    for (JsonNode row : supervisor.get("/supervisor/load").json()) {
      if (row.path("username").asText().equals(username)) {
        return row;
      }
    }
    throw new AssertionError(username + " is not in the load");
  }

  @Test
  void aSupervisorGivesAWaitingConversationToOneColleagueThenToAnother() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    account(admin, "sue.sup", List.of("AGENT", "SUPERVISOR"));
    account(admin, "dan.agent", List.of("AGENT"));
    account(admin, "eli.agent", List.of("AGENT"));
    StaffClient sue = signedIn("sue.sup", "sue.sup-password-1");
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;

    var toDan = sue.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "dan.agent"));
    assertThat(toDan.status()).isEqualTo(200);
    assertThat(toDan.json().path("owner").asText()).isEqualTo("dan.agent");
    assertThat(resident.state()).isEqualTo("WITH_AGENT");
    assertThat(resident.last("system")).isEqualTo("dan.agent from the council tax team has joined the conversation.");
    assertThat(loadOf(sue, "dan.agent").path("conversations").asLong()).isEqualTo(1);

    assertThat(sue.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "dan.agent")).status())
        .as("already his").isEqualTo(409);
    assertThat(sue.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "eli.agent")).status())
        .isEqualTo(200);
    assertThat(loadOf(sue, "dan.agent").path("conversations").asLong()).isZero();
    assertThat(loadOf(sue, "eli.agent").path("conversations").asLong()).isEqualTo(1);
    StaffClient eli = signedIn("eli.agent", "eli.agent-password-1");
    assertThat(eli.reply(id, "Eli here, I have your bill.").status()).isEqualTo(200);
    StaffClient dan = signedIn("dan.agent", "dan.agent-password-1");
    assertThat(dan.reply(id, "Dan again.").status()).as("no longer his").isEqualTo(409);
    assertThat(admin.get("/admin/audit").json().toString()).contains("\"action\":\"assign\"");
  }

  @Test
  void agentsCannotAssignOrSeeTheLoadAndOnlyAgentsCanBeGivenConversations() {
    StaffClient admin = signedIn("admin", TownhallTest.ADMIN_PASSWORD);
    account(admin, "fay.agent", List.of("AGENT"));
    account(admin, "gus.editor", List.of("EDITOR"));
    StaffClient fay = signedIn("fay.agent", "fay.agent-password-1");
    String id = waitingResident().conversationId;

    assertThat(fay.get("/supervisor/load").status()).isEqualTo(403);
    assertThat(fay.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "fay.agent")).status())
        .isEqualTo(403);
    assertThat(admin.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "gus.editor")).status())
        .isEqualTo(400);
    assertThat(admin.postJson("/supervisor/conversations/" + id + "/assign", Map.of("to", "nobody")).status())
        .isEqualTo(400);
  }
}
