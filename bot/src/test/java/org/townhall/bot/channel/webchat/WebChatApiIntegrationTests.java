package org.townhall.bot.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/** Bad requests to the public web chat API get a clear 4xx with a JSON error, never a 500. */
@TownhallTest
class WebChatApiIntegrationTests {

  @LocalServerPort
  int port;

  @Autowired
  org.springframework.beans.factory.BeanFactory beans;

  StoredConversations store() {
    return new StoredConversations(beans);
  }

  @Autowired
  Clock clock;

  WebChatClient resident;

  @BeforeEach
  void start() {
    resident = new WebChatClient(port);
    resident.start();
  }

  private Reply post(String body, String contentType, String token) {
    HttpRequest.Builder request = resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return resident.send(request);
  }

  private static void assertError(Reply reply, int status) {
    assertThat(reply.status()).isEqualTo(status);
    assertThat(reply.json().path("error").asText()).isNotBlank();
  }

  @Test
  void startsAConversationWithAToken() {
    WebChatClient other = new WebChatClient(port);
    Reply reply = other.start();
    assertThat(reply.status()).isEqualTo(201);
    assertThat(other.conversationId).isNotBlank().isNotEqualTo(resident.conversationId);
    assertThat(other.token).hasSizeGreaterThan(30);
    assertThat(reply.raw().headers().allValues("Set-Cookie")).as("residents get no cookies").isEmpty();
    Reply page = other.send(other.request("/").setHeader("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().headers().allValues("Set-Cookie")).as("residents get no cookies").isEmpty();
  }

  /** Conversations the bot has now: every started one has an idle deadline until staff take it or it closes. */
  private Set<String> conversationsWithTheBot() {
    return new HashSet<>(store().idleSince(clock.instant().plus(Duration.ofDays(1)), 100_000));
  }

  @Test
  void readsTheWelcomeANewConversationStartsWithWithoutStartingOne() {
    Set<String> before = conversationsWithTheBot();
    WebChatClient visitor = new WebChatClient(port);
    Reply reply = visitor.send(visitor.request("/api/webchat/welcome").GET());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    assertThat(reply.raw().headers().firstValue("Cache-Control").orElse(""))
        .as("pages may cache it briefly").contains("max-age=300").contains("public").doesNotContain("no-store");
    assertThat(reply.raw().headers().allValues("Set-Cookie")).as("residents get no cookies").isEmpty();
    JsonNode welcome = reply.json();
    assertThat(welcome.properties()).extracting(Map.Entry::getKey)
        .containsExactly("text", "options", "maxTextLength", "contactConsent", "emailReplies");
    assertThat(welcome.path("contactConsent").asText())
        .isEqualTo("We use your email address or phone number only to reply to this conversation, and delete them "
            + "with the conversation 90 days after its last change.");
    assertThat(welcome.path("emailReplies").asBoolean()).as("no spring.mail.host here").isFalse();
    assertThat(welcome.path("text").asText()).startsWith("Hello, I'm the council's assistant.");
    assertThat(welcome.path("options").isArray()).isTrue();
    assertThat(welcome.path("options")).extracting(JsonNode::asText)
        .containsExactly("Bin collection day", "Pay council tax", "Report a pothole", "Talk to a person");
    assertThat(welcome.path("maxTextLength").isInt()).as("townhall.webchat.max-text-length").isTrue();
    assertThat(welcome.path("maxTextLength").asInt()).isEqualTo(2000);
    assertThat(conversationsWithTheBot()).as("reading the welcome starts no conversation")
        .isSubsetOf(before);

    // The same line a conversation started now begins with.
    JsonNode first = resident.messages(0).json().path("messages").get(0);
    assertThat(first.path("seq").asLong()).isEqualTo(1);
    assertThat(first.path("text").asText()).isEqualTo(welcome.path("text").asText());
    assertThat(first.path("options")).isEqualTo(welcome.path("options"));
    assertError(visitor.send(visitor.request("/api/webchat/welcome")
        .POST(HttpRequest.BodyPublishers.noBody())), 405);
  }

  @Test
  void withoutEmailConfiguredOnlyANumberCanBeLeftForAReply() {
    resident.say("can I speak to a person");
    Reply email = resident.leaveContact(Map.of("email", "resident@example.org", "phone", "07700 900123"));
    assertError(email, 400);
    assertThat(email.json().path("error").asText()).contains("can't email replies").contains("phone number");
    assertThat(store().find(resident.conversationId).orElseThrow().callBack()).isNull();

    Reply phone = resident.leaveContact(Map.of("phone", "07700 900123"));
    assertThat(phone.status()).isEqualTo(200);
    assertThat(phone.json().has("email")).isFalse();
    assertThat(resident.last("system")).contains("call you back on the number you gave");
  }

  @Test
  void refusesAMissingTokenAndAnotherConversationsToken() {
    assertError(post("{\"text\":\"hi\"}", "application/json", null), 401);
    WebChatClient other = new WebChatClient(port);
    other.start();
    assertError(post("{\"text\":\"hi\"}", "application/json", other.token), 403);
    assertError(resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
        .header("Authorization", "Bearer " + other.token).GET()), 403);
  }

  @Test
  void refusesAnUnknownConversation() {
    resident.conversationId = "no-such-conversation";
    assertError(resident.say("hello"), 404);
    assertError(resident.messages(0), 404);
  }

  @Test
  void refusesMalformedMissingEmptyAndOverlongText() {
    assertError(post("{\"text\": ", "application/json", resident.token), 400);
    assertError(post("[1,2,3]", "application/json", resident.token), 400);
    assertError(post("{}", "application/json", resident.token), 400);
    assertError(post("", "application/json", resident.token), 400);
    assertError(post("{\"text\":\"   \"}", "application/json", resident.token), 400);
    assertError(post("{\"text\": {}}", "application/json", resident.token), 400);
    assertError(resident.say("x".repeat(2001)), 400);
    assertError(post("text=hi", "application/x-www-form-urlencoded", resident.token), 415);
  }

  @Test
  void answersEmojiBinaryAndForeignTextWithoutFailing() {
    for (String text : new String[] {"😀😀😀", "\u0000\u0001\u0002junk\uFFFD", "Где мой мусоровоз?", "x".repeat(2000), "🗑".repeat(2000),
        "<img src=x onerror=alert(1)>"}) {
      Reply reply = resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId + "/messages")
          .header("Authorization", "Bearer " + resident.token).header("Content-Type", "application/json")
          .POST(WebChatClient.json(Map.of("text", text))));
      assertThat(reply.status()).as(text).isEqualTo(202);
      // Whatever the bot made of it, the resident is never left without an answer or a person.
      resident.say("Back to the bot");
    }
    assertThat(resident.messages(0).status()).isEqualTo(200);
  }

  @Test
  void pagesTheTranscriptBySeq() {
    resident.say("how do I pay my council tax");
    var all = resident.messages(0).json().path("messages");
    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    var rest = resident.messages(2).json().path("messages");
    assertThat(rest.get(0).path("seq").asLong()).isEqualTo(3);
    assertThat(resident.messages(all.size()).json().path("messages")).isEmpty();
    assertError(resident.send(resident.request("/api/webchat/conversations/" + resident.conversationId
        + "/messages?after=abc").header("Authorization", "Bearer " + resident.token).GET()), 400);
  }
}
