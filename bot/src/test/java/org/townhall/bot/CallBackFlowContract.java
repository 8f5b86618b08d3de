package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.FreePort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Residents who leave an email address or phone number for a reply, over HTTP as the chat page and
 * the console use them, with replies emailed to a real SMTP server (GreenMail, in this process, on a
 * loopback port). Run against each store.
 */
abstract class CallBackFlowContract {

  static final int SMTP_PORT = FreePort.onLoopback();
  static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  static final String FROM = "no-reply@council.example";

  static {
    SMTP.start();
  }

  /** Email on, tried twice a second apart, for the contexts of the subclasses. */
  static void email(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("townhall.email.from", () -> FROM);
    registry.add("townhall.email.max-attempts", () -> 2);
    registry.add("townhall.email.retry-backoff", () -> "1s");
  }

  @LocalServerPort
  int port;

  @Autowired
  BeanFactory beans;

  StoredConversations stored;
  StaffClient admin;

  @BeforeEach
  void signInAndEmptyTheMailbox() throws Exception {
    stored = new StoredConversations(beans);
    admin = new StaffClient(port);
    admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    SMTP.purgeEmailFromAllMailboxes();
  }

  private WebChatClient waitingResident() {
    WebChatClient resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    resident.say("how do I pay my council tax");
    resident.say("can I speak to a person");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    return resident;
  }

  private JsonNode listed(StaffClient staff, String conversationId) {
    for (JsonNode item : staff.get("/call-backs").json()) {
      if (item.path("conversationId").asText().equals(conversationId)) {
        return item;
      }
    }
    return null;
  }

  @Test
  void residentsLeaveDetailsOnlyWhileAPersonIsComingOrHasIt() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    Reply tooEarly = resident.leaveContact(Map.of("email", "resident@example.org"));
    assertThat(tooEarly.status()).as("with the bot").isEqualTo(409);
    assertThat(tooEarly.json().path("error").asText()).contains("while you wait for, or talk to, a member of staff");

    resident.say("can I speak to a person");
    Reply badEmail = resident.leaveContact(Map.of("email", "resident@example"));
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.json().path("error").asText()).contains("email address doesn't look right");
    Reply badPhone = resident.leaveContact(Map.of("phone", "09012 345678"));
    assertThat(badPhone.status()).isEqualTo(400);
    assertThat(badPhone.json().path("error").asText()).contains("UK phone number");
    assertThat(resident.leaveContact(Map.of("message", "call me")).status()).as("nothing to reply to").isEqualTo(400);
    assertThat(resident.leaveContact(Map.of("email", "x@example.org", "message", "m".repeat(501))).status())
        .isEqualTo(400);
    assertThat(resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/call-back")
        .header("Authorization", "Bearer " + resident.token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"email\": "))).status()).as("malformed JSON").isEqualTo(400);
    WebChatClient stranger = resident.via(port);
    stranger.token = "not-the-token";
    assertThat(stranger.leaveContact(Map.of("email", "resident@example.org")).status()).isEqualTo(403);
    assertThat(stored.find(resident.conversationId).orElseThrow().callBack()).as("nothing kept from refusals").isNull();

    Reply left = resident.leaveContact(Map.of("email", "resident@example.org", "phone", "+44 7700 900123",
        "message", "Best after 5pm"));

    assertThat(left.status()).isEqualTo(200);
    String reference = left.json().path("reference").asText();
    assertThat(reference).matches("TH-[0-9A-F]{8}");
    assertThat(left.json().path("email").asText()).isEqualTo("r…@example.org");
    assertThat(left.json().path("phone").asText()).isEqualTo("…123");
    JsonNode read = resident.messages(0).json();
    assertThat(read.path("contactLeft").path("reference").asText()).isEqualTo(reference);
    assertThat(resident.last("system")).contains("email the reply").contains(reference);
    assertThat(read.toString()).doesNotContain("resident@example.org", "7700 900123", "07700900123", "Best after 5pm");
    var kept = stored.find(resident.conversationId).orElseThrow().callBack();
    assertThat(kept.email()).isEqualTo("resident@example.org");
    assertThat(kept.phone()).isEqualTo("07700900123");
    assertThat(kept.message()).isEqualTo("Best after 5pm");
    assertThat(kept.team()).isEqualTo("council-tax");
    assertThat(admin.get("/conversations/" + resident.conversationId).json().path("bot").path("contactLeft"))
        .extracting(JsonNode::asText).containsExactly("email", "phone");
  }

  @Test
  void aReplyAfterTheResidentHasGoneIsEmailedWithTheReferenceAndNothingElse() throws Exception {
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;
    resident.leaveContact(Map.of("email", "resident@example.org"));
    resident.say("my account number is 12345678");
    admin.post("/conversations/" + id + "/claim");

    assertThat(admin.reply(id, "First reply, while you are here.").status()).isEqualTo(200);
    stored.residentLeft(id);
    await().atMost(Duration.ofSeconds(5)).until(() -> !stored.residentSeen(id));
    assertThat(admin.reply(id, "Second reply: your bill is being corrected.").status()).isEqualTo(200);

    assertThat(SMTP.waitForIncomingEmail(10_000, 1)).as("the reply was emailed").isTrue();
    MimeMessage[] received = SMTP.getReceivedMessages();
    assertThat(received).hasSize(1);
    MimeMessage email = received[0];
    String reference = stored.find(id).orElseThrow().callBack().reference();
    assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("resident@example.org");
    assertThat(email.getFrom()).extracting(Object::toString).containsExactly(FROM);
    assertThat(email.getSubject()).contains(reference);
    String body = GreenMailUtil.getBody(email);
    assertThat(body).contains("Second reply: your bill is being corrected.").contains(reference)
        .doesNotContain("First reply").doesNotContain("12345678").doesNotContain("council tax");

    await().atMost(Duration.ofSeconds(5)).until(() -> listed(admin, id).path("emailsSent").asInt() == 1);
    assertThat(admin.get("/conversations/" + id + "/notes").raw().body()).contains("was emailed to the resident");
  }

  @Test
  void aReplyThatCannotBeEmailedIsTriedAgainAndThenShownToStaff() {
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;
    resident.leaveContact(Map.of("email", "resident@example.org", "phone", "07700 900123"));
    admin.post("/conversations/" + id + "/claim");
    stored.residentLeft(id);
    await().atMost(Duration.ofSeconds(5)).until(() -> !stored.residentSeen(id));
    SMTP.stop();
    try {
      assertThat(admin.reply(id, "We have cancelled the charge.").status()).isEqualTo(200);

      await().atMost(Duration.ofSeconds(20)).until(() -> listed(admin, id).path("emailsFailed").asInt() == 1);
    } finally {
      SMTP.start();
    }
    assertThat(listed(admin, id).path("emailsSent").asInt()).isZero();
    assertThat(admin.get("/conversations/" + id + "/notes").raw().body())
        .contains("could not be emailed to the resident after 2 attempts");
  }

  @Test
  void staffWorkThroughTheirTeamsCallBacksAndEveryStepIsAudited() {
    WebChatClient resident = waitingResident();
    String id = resident.conversationId;
    resident.leaveContact(Map.of("email", "resident@example.org", "phone", "029 2087 2087", "message", "Evenings"));
    admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "call_back"));

    JsonNode item = listed(admin, id);
    assertThat(item).as("still listed after the conversation closed").isNotNull();
    assertThat(item.path("email").asText()).isEqualTo("r…@example.org");
    assertThat(item.path("phone").asText()).isEqualTo("…087");
    assertThat(item.path("hasMessage").asBoolean()).isTrue();
    assertThat(item.path("channel").asText()).isEqualTo("webchat");
    assertThat(item.path("topicTitle").asText()).isEqualTo("Pay council tax");
    assertThat(item.path("team").asText()).isEqualTo("council-tax");
    assertThat(item.has("outcome")).isFalse();
    assertThat(admin.get("/call-backs").raw().body()).doesNotContain("resident@example.org", "02920872087", "Evenings");

    StaffClient waste = agent("cb-waste", List.of("waste"));
    StaffClient tax = agent("cb-tax", List.of("council-tax"));
    assertThat(listed(waste, id)).as("another team's").isNull();
    assertThat(waste.get("/call-backs/" + id).status()).isEqualTo(404);
    assertThat(waste.post("/call-backs/" + id + "/take").status()).isEqualTo(404);
    assertThat(listed(tax, id)).isNotNull();
    // One reference everywhere: the one the list shows finds the conversation in search, by the same team rule.
    String reference = item.path("reference").asText();
    assertThat(reference).isEqualTo(resident.messages(0).json().path("contactLeft").path("reference").asText());
    JsonNode found = tax.get("/search?reference=" + reference).json().path("results");
    assertThat(found.findValuesAsText("conversationId")).containsExactly(id);
    assertThat(found.get(0).path("reference").asText()).isEqualTo(reference);
    assertThat(waste.get("/search?reference=" + reference).json().path("results")).as("another team's").isEmpty();

    JsonNode opened = tax.get("/call-backs/" + id).json();
    assertThat(opened.path("email").asText()).isEqualTo("resident@example.org");
    assertThat(opened.path("phone").asText()).isEqualTo("02920872087");
    assertThat(opened.path("message").asText()).isEqualTo("Evenings");
    assertThat(tax.post("/call-backs/" + id + "/take").json().path("takenBy").asText()).isEqualTo("cb-tax");
    Reply taken = admin.post("/call-backs/" + id + "/take");
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().path("error").asText()).contains("cb-tax");
    assertThat(tax.postJson("/call-backs/" + id + "/outcome", Map.of("outcome", "phoned")).status()).isEqualTo(400);
    assertThat(tax.postJson("/call-backs/" + id + "/outcome", Map.of()).status()).isEqualTo(400);
    Reply settled = tax.postJson("/call-backs/" + id + "/outcome", Map.of("outcome", "called_back"));
    assertThat(settled.status()).isEqualTo(200);
    assertThat(settled.json().path("outcome").asText()).isEqualTo("called_back");
    assertThat(settled.json().path("outcomeBy").asText()).isEqualTo("cb-tax");
    assertThat(listed(admin, id).path("outcome").asText()).isEqualTo("called_back");

    List<String> trail = admin.get("/conversations/" + id).json().path("history").findValuesAsText("action");
    assertThat(trail).contains("call_back_view", "call_back_take", "call_back_outcome");
    JsonNode log = admin.get("/admin/audit?limit=50").json();
    assertThat(log.toString()).contains("\"detail\":\"called_back\"");

    assertThat(tax.get("/call-backs/" + java.util.UUID.randomUUID()).status()).isEqualTo(404);
    assertThat(tax.get("/call-backs/conv:" + id).status()).isEqualTo(404);
    assertThat(tax.postJson("/call-backs/not-an-id/outcome", Map.of("outcome", "closed")).status()).isEqualTo(404);
  }

  private StaffClient agent(String username, List<String> teams) {
    assertThat(admin.postJson("/admin/staff", Map.of("username", username, "password", username + "-password",
        "roles", List.of("AGENT"), "teams", teams)).status()).isEqualTo(200);
    StaffClient agent = new StaffClient(port);
    assertThat(agent.signIn(username, username + "-password").status()).isEqualTo(302);
    return agent;
  }
}
