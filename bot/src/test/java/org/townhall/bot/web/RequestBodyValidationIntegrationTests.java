package org.townhall.bot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/** A request body that breaks its constraints gets 400 with a sentence naming each broken field. */
@TownhallTest
class RequestBodyValidationIntegrationTests {

  @LocalServerPort
  int port;

  StaffClient admin;

  @BeforeEach
  void signIn() {
    admin = new StaffClient(port);
    admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
  }

  private static void assertRefusedNaming(Reply reply, String... fields) {
    assertThat(reply.status()).as(reply.raw().body()).isEqualTo(400);
    String error = reply.json().path("error").asText();
    for (String field : fields) {
      assertThat(error).as("names %s", field).contains(field + ": ");
    }
  }

  @Test
  void webChatNamesTheBrokenFields() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    assertRefusedNaming(resident.say("   ", "conv:*"), "text", "clientMessageId");
    assertRefusedNaming(resident.say("hello", "a b"), "clientMessageId");
    assertRefusedNaming(resident.say("hello", "x".repeat(101)), "clientMessageId");
    assertThat(resident.say("hello", "  ").status()).as("a blank id means 'make one'").isEqualTo(202);
  }

  @Test
  void consoleAndAdministrationNameTheBrokenFields() {
    String id = new WebChatClient(port).start().json().path("conversationId").asText();
    assertRefusedNaming(admin.postJson("/conversations/" + id + "/notes", Map.of("text", " ")), "text");
    assertRefusedNaming(admin.postJson("/conversations/" + id + "/notes", Map.of("text", "x".repeat(4001))), "text");
    assertRefusedNaming(admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "")), "wrapUp");
    assertRefusedNaming(admin.postJson("/presence", Map.of()), "presence");
    assertRefusedNaming(admin.postJson("/admin/pause", Map.of("reason", "x".repeat(501))), "reason");
    assertRefusedNaming(admin.postJson("/admin/staff", Map.of("username", "Bad Name", "password", "short",
        "roles", List.of())), "username", "password", "roles");
    assertRefusedNaming(admin.postJson("/admin/staff", Map.of("username", "dana", "password", "long-enough-pw",
        "roles", Arrays.asList("AGENT", null), "teams", Arrays.asList("housing", null, "Not A Team"))),
        "roles[1]", "teams[1]", "teams[2]");
    assertThat(admin.get("/admin/staff").json().findValuesAsText("username")).doesNotContain("dana");
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsRefusedNotFailed() {
    Reply emoji = admin.postJson("/admin/staff", Map.of("username", "erin", "password", "🔑".repeat(20),
        "roles", List.of("AGENT")));
    assertThat(emoji.status()).isEqualTo(400);
    assertThat(emoji.json().path("error").asText()).startsWith("password: ");
    assertThat(admin.postJson("/admin/staff", Map.of("username", "erin", "password", "p".repeat(72),
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
  }
}
