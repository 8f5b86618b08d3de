package org.townhall.bot.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The OpenAPI description at {@code /v3/api-docs} against the running API: everything it describes is
 * served, everything served under {@code /api/webchat} is described, and the fields it documents are
 * the fields real answers have.
 */
@TownhallTest
class WebChatApiDescriptionIntegrationTests {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  JsonNode description;

  @BeforeEach
  void fetchTheDescription() {
    Http anyone = new Http(port);
    Reply reply = anyone.send(anyone.request("/v3/api-docs").GET());
    assertThat(reply.status()).as("served without signing in").isEqualTo(200);
    description = reply.json();
  }

  @Test
  void describesTheWebChatApiOnly() {
    assertThat(description.path("openapi").asText()).startsWith("3.");
    List<String> paths = new ArrayList<>();
    description.path("paths").fieldNames().forEachRemaining(paths::add);
    assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/webchat/"));
  }

  @Test
  void everyWebChatHandlerIsDescribed() {
    Set<String> served = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/webchat")) {
          for (RequestMethod method : info.getMethodsCondition().getMethods()) {
            served.add(method.name().toLowerCase(Locale.ROOT) + " " + pattern);
          }
        }
      }
    }
    assertThat(served).as("the web chat API's handlers").hasSizeGreaterThanOrEqualTo(4);
    assertThat(described()).containsAll(served);
  }

  /** Every operation, called as its own description says (examples, defaults, the token), is served. */
  @Test
  void everyDescribedOperationIsServed() {
    boolean emailReplies = new Http(port).send(new Http(port).request("/api/webchat/welcome").GET()).json()
        .path("emailReplies").asBoolean();
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    // Waiting for a person: every operation is open then, leaving details for a reply too.
    resident.say("can I speak to a person");
    for (String operation : described()) {
      String method = operation.substring(0, operation.indexOf(' '));
      String path = operation.substring(operation.indexOf(' ') + 1);
      JsonNode op = description.path("paths").path(path).path(method);
      StringBuilder url = new StringBuilder(path);
      List<String> query = new ArrayList<>();
      for (JsonNode parameter : op.path("parameters")) {
        String name = parameter.path("name").asText();
        if (parameter.path("in").asText().equals("path")) {
          String pattern = parameter.path("schema").path("pattern").asText();
          assertThat(pattern).as("%s: the id's form is described", operation).isNotEmpty();
          assertThat(resident.conversationId).matches(pattern);
          int at = url.indexOf("{" + name + "}");
          url.replace(at, at + name.length() + 2, resident.conversationId);
        } else if (parameter.path("in").asText().equals("query")) {
          JsonNode example = parameter.path("schema").path("example");
          assertThat(example.isMissingNode()).as("%s %s has an example", operation, name).isFalse();
          query.add(name + "=" + example.asText());
        }
      }
      if (!query.isEmpty()) {
        url.append('?').append(String.join("&", query));
      }
      HttpRequest.Builder request = resident.request(url.toString());
      if (op.path("security").isArray() && !op.path("security").isEmpty()) {
        request.header("Authorization", "Bearer " + resident.token);
      }
      JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
      if (!body.isMissingNode()) {
        ObjectNode example = (ObjectNode) example(body);
        if (!emailReplies) {
          // As the welcome says: without email replies, only a phone number can be left.
          example.remove("email");
        }
        request.header("Content-Type", "application/json")
            .method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.ofString(example.toString()));
      } else {
        request.method(method.toUpperCase(Locale.ROOT), HttpRequest.BodyPublishers.noBody());
      }

      Reply reply = resident.send(request);

      assertThat(reply.status()).as("%s (%s): %s", operation, url, reply.raw().body()).isNotIn(404, 405)
          .isBetween(200, 299);
      assertThat(op.path("responses").has(Integer.toString(reply.status())))
          .as("%s answered %d, a documented status", operation, reply.status()).isTrue();
    }
  }

  @Test
  void documentedFieldsAreTheFieldsOfRealAnswers() {
    Http anyone = new Http(port);
    assertSameFields(anyone.send(anyone.request("/api/webchat/welcome").GET()), "get", "/api/webchat/welcome");

    WebChatClient resident = new WebChatClient(port);
    assertSameFields(resident.start(), "post", "/api/webchat/conversations");

    String messages = "/api/webchat/conversations/{id}/messages";
    Reply sent = resident.say("when is my bin collected");
    JsonNode replies = assertSameFields(sent, "post", messages);
    assertThat(sent.json().path("messages").size()).as("the bot answered").isPositive();
    for (JsonNode line : sent.json().path("messages")) {
      assertFields(line, replies.path("properties").path("messages").path("items"));
    }

    resident.say("can I speak to a person");
    // Places are read from a queue kept for a second (QueueEstimates): one read just before may not show it yet.
    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
        .until(() -> resident.messages(0).json().has("queue"));
    Reply read = resident.messages(0);
    JsonNode transcript = assertSameFields(read, "get", messages);
    for (JsonNode line : read.json().path("messages")) {
      assertFields(line, transcript.path("properties").path("messages").path("items"));
    }
    assertThat(read.json().path("state").asText()).isEqualTo("AWAITING_AGENT");
    assertThat(read.json().has("queue")).as("the optional queue, while waiting").isTrue();
    assertFields(read.json().path("queue"), transcript.path("properties").path("queue"));

    JsonNode left = assertSameFields(resident.leaveContact(Map.of("phone", "07700 900123")), "post", "/api/webchat/conversations/{id}/call-back");
    Reply after = resident.messages(0);
    assertThat(after.json().has("contactLeft")).as("the optional details left, once left").isTrue();
    assertFields(after.json().path("contactLeft"), transcript.path("properties").path("contactLeft"));
    assertThat(resolve(left).path("properties").size()).isEqualTo(3);
  }

  /** Checks a real answer's fields against its documented schema, and returns the schema. */
  private JsonNode assertSameFields(Reply reply, String method, String path) {
    JsonNode response = description.path("paths").path(path).path(method).path("responses")
        .path(Integer.toString(reply.status()));
    assertThat(response.isMissingNode()).as("%s %s: status %d is documented", method, path, reply.status()).isFalse();
    JsonNode schema = resolve(response.path("content").path("application/json").path("schema"));
    assertFields(reply.json(), schema);
    return schema;
  }

  private void assertFields(JsonNode real, JsonNode schema) {
    JsonNode resolved = resolve(schema);
    Set<String> documented = new HashSet<>();
    resolved.path("properties").fieldNames().forEachRemaining(documented::add);
    Set<String> required = new HashSet<>();
    resolved.path("required").forEach(r -> required.add(r.asText()));
    Set<String> actual = new HashSet<>();
    real.fieldNames().forEachRemaining(actual::add);
    assertThat(documented).as("documented fields of %s", real).isNotEmpty();
    assertThat(actual).as("real fields are documented").isSubsetOf(documented);
    assertThat(actual).as("required fields are there").containsAll(required);
  }

  /** A request body made of the schema's own examples. */
  private JsonNode example(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    ObjectNode body = JSON.createObjectNode();
    resolved.path("properties").fields().forEachRemaining(field -> {
      JsonNode example = resolve(field.getValue()).path("example");
      assertThat(example.isMissingNode()).as("%s has an example", field.getKey()).isFalse();
      body.set(field.getKey(), example);
    });
    return body;
  }

  private JsonNode resolve(JsonNode schema) {
    String ref = schema.path("$ref").asText();
    if (ref.isEmpty()) {
      return schema;
    }
    assertThat(ref).startsWith("#/components/schemas/");
    JsonNode target = description.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    assertThat(target.isMissingNode()).as("%s is defined", ref).isFalse();
    return target;
  }

  /** Every operation as "method path". */
  private Set<String> described() {
    Set<String> operations = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : iterable(description.path("paths"))) {
      for (Map.Entry<String, JsonNode> method : iterable(path.getValue())) {
        operations.add(method.getKey() + " " + path.getKey());
      }
    }
    return operations;
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }
}
