package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Residents' messages are personal data: a whole conversation, through the bot, a handoff, staff
 * and refused requests, leaves none of its text in the log at the configured (INFO) level.
 */
@TownhallTest
@ExtendWith(OutputCaptureExtension.class)
class MessageTextIsNotLoggedIntegrationTests {

  @LocalServerPort
  int port;

  @Test
  void noMessageTextReachesTheLog(CapturedOutput output) {
    String marker = "zq" + UUID.randomUUID().toString().replace("-", "");
    // Proves the capture sees the application's log: a line logged at INFO through SLF4J is in it.
    String canary = "log-canary-" + marker.substring(2, 10);
    LoggerFactory.getLogger(getClass()).info(canary);

    WebChatClient resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("when is my bin collected " + marker).status()).isEqualTo(202);
    assertThat(resident.say(marker).status()).isEqualTo(202);
    assertThat(resident.say("my house is flooding " + marker, "id-" + marker).status()).isEqualTo(202);
    assertThat(resident.say("can I speak to a person " + marker).status()).isEqualTo(202);
    // Details left for a reply: a refused address and a number with a message.
    assertThat(resident.leaveContact(Map.of("email", marker + "@example")).status()).isEqualTo(400);
    assertThat(resident.leaveContact(Map.of("phone", "07700 900123", "message", "call me " + marker)).status())
        .isEqualTo(200);
    StaffClient staff = new StaffClient(port);
    staff.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(staff.get("/call-backs").status()).isEqualTo(200);
    assertThat(staff.get("/call-backs/" + resident.conversationId).status()).isEqualTo(200);
    assertThat(staff.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(staff.reply(resident.conversationId, "Hello, about " + marker).status()).isEqualTo(200);
    assertThat(resident.say("thanks " + marker).status()).isEqualTo(202);
    assertThat(staff.get("/conversations/" + resident.conversationId).status()).isEqualTo(200);
    assertThat(staff.get("/queue").status()).isEqualTo(200);
    // Refused requests carrying the text: too long, malformed JSON, wrong content type.
    assertThat(resident.say(marker.repeat(2000 / marker.length() + 1)).status()).isEqualTo(400);
    assertThat(resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
        .header("Authorization", "Bearer " + resident.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"text\": \"" + marker + "\""))).status()).isEqualTo(400);
    assertThat(resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
        .header("Authorization", "Bearer " + resident.token).header("Content-Type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString(marker))).status()).isEqualTo(415);
    assertThat(staff.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved")).status()).isEqualTo(200);

    assertThat(output.getAll()).contains(canary);
    assertThat(output.getAll()).doesNotContain(marker.substring(2)).doesNotContain("900123");
  }
}
