package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Odd input to every API endpoint of a running bot (the web chat, Telegram's webhook, the console and
 * its administration, signed in as ADMIN): odd path ids, odd query values, odd bodies and headers.
 * Never a 5xx; every 4xx is the API's JSON error; the bot stays up; and (with Redis) no key outside
 * the store's documented key names. The inputs are fixed (the one random part has a fixed seed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndpointFuzzContract {

  static final String WEBHOOK_SECRET = "fuzz-Webhook_secret-0123456789";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NESTED = "[".repeat(5000) + "]".repeat(5000);
  private static final String MEGABYTE = "{\"text\":\"" + "x".repeat(1 << 20) + "\"}";

  abstract BotInstance bot();

  /** The settings both stores' bots share, plus the store's own. */
  static String[] settings(FakeTelegramApi telegram, String... more) {
    List<String> all = new ArrayList<>(List.of("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
        "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.mode=webhook",
        "townhall.telegram.webhook-secret=" + WEBHOOK_SECRET));
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  /** Checked after the fuzzing: every key the store holds, against its documented names. */
  Set<String> storeKeys() {
    return Set.of();
  }

  /** Ids that must never reach a store key, and must never break anything. */
  static List<String> oddIds(String real) {
    return List.of("..", "...", "%00", "%2e%2e", "%2F", "x".repeat(5000), "🗑️💥", real + ":log", real + ":audit",
        ":log", "*", "conv:*", "{}", "{id}", "a b\r\nDEL x", "' OR 1=1 --", "\u0000", "%", "%zz", real.toUpperCase(),
        real.substring(1), real + "/", "-1", "0", "null", "\u202Eevil", "..;", ";jsessionid=x");
  }

  static final List<String> ODD_QUERY_VALUES = List.of("", "9".repeat(400), "-1", "-9223372036854775809",
      "abc", "1e309", "0x10", "NaN", "1.5", "%00", "🗑", "a b\r\nDEL x", "x".repeat(6000));

  record Probe(String method, String path, Map<String, String> headers, byte[] body) {}

  record Answer(int status, String contentType, String body) {}

  @TestFactory
  @Order(1)
  Stream<DynamicTest> everyEndpointSurvivesOddInput() {
    Fuzzer fuzzer = new Fuzzer(bot().port());
    RequestMappingHandlerMapping mappings = bot().bean("requestMappingHandlerMapping",
        RequestMappingHandlerMapping.class);
    List<DynamicTest> tests = new ArrayList<>();
    Map<RequestMappingInfo, HandlerMethod> handlers = new LinkedHashMap<>(mappings.getHandlerMethods());
    List<String> covered = new ArrayList<>();
    handlers.forEach((info, handler) -> {
      for (String pattern : info.getPatternValues()) {
        if (!pattern.startsWith("/api/")) {
          continue;
        }
        for (RequestMethod method : info.getMethodsCondition().getMethods()) {
          covered.add(method + " " + pattern);
          tests.add(DynamicTest.dynamicTest(method + " " + pattern,
              () -> fuzzer.check(method.name(), pattern, handler, info)));
        }
      }
    });
    assertThat(covered).as("the APIs' endpoints").anyMatch(c -> c.contains("/api/webchat/"))
        .anyMatch(c -> c.contains("/api/telegram/webhook")).anyMatch(c -> c.contains("/api/console/admin/"))
        .anyMatch(c -> c.contains("/api/console/conversations/"));
    return tests.stream();
  }

  @Test
  @Order(2)
  void theBotIsStillUpAndTheStoreHoldsOnlyItsOwnKeys() {
    StaffClient anyone = new StaffClient(bot().port());
    var health = anyone.send(anyone.request("/actuator/health").GET());
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.json().path("status").asText()).isEqualTo("UP");
    WebChatClient resident = new WebChatClient(bot().port());
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("when is my bin collected").status()).isEqualTo(202);

    Set<String> strays = new TreeSet<>();
    for (String key : storeKeys()) {
      if (!StoreKeyNames.documented(key)) {
        strays.add(key.length() > 200 ? key.substring(0, 200) + "…" : key);
      }
    }
    assertThat(strays).as("keys outside the store's documented names").isEmpty();
  }

  /** Sends the probes for one endpoint and collects every wrong answer. */
  static final class Fuzzer {

    private final int port;
    private final StaffClient admin;
    private final WebChatClient resident;
    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5)).build();
    private final Random random = new Random(20261203L);

    Fuzzer(int port) {
      this.port = port;
      admin = new StaffClient(port);
      assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
      resident = new WebChatClient(port);
      resident.start();
    }

    void check(String method, String pattern, HandlerMethod handler, RequestMappingInfo info) {
      List<String> wrong = new ArrayList<>();
      int sent = 0;
      for (Probe probe : probes(method, pattern, handler)) {
        Answer answer = send(probe);
        sent++;
        String problem = problem(answer);
        if (problem != null) {
          wrong.add(probe.method() + " " + abbreviate(probe.path()) + " " + abbreviate(probe.headers().toString())
              + " body " + abbreviate(new String(probe.body(), StandardCharsets.UTF_8)) + " → " + answer.status() + " "
              + abbreviate(answer.body()) + ": " + problem);
        }
      }
      assertThat(sent).isPositive();
      assertThat(wrong).as("wrong answers of %d probes", sent).isEmpty();
    }

    private static String problem(Answer answer) {
      if (answer.status() >= 500) {
        return "a 5xx";
      }
      if (answer.status() >= 400) {
        if (!answer.contentType().startsWith("application/json")) {
          return "a 4xx that is not JSON (" + answer.contentType() + ")";
        }
        try {
          JsonNode json = JSON.readTree(answer.body());
          List<String> fields = new ArrayList<>();
          json.fieldNames().forEachRemaining(fields::add);
          if (!fields.equals(List.of("error")) || json.path("error").asText().isBlank()) {
            return "a 4xx not shaped {\"error\": \"a sentence\"}";
          }
        } catch (IOException e) {
          return "a 4xx whose body is not JSON";
        }
      }
      return null;
    }

    private List<Probe> probes(String method, String pattern, HandlerMethod handler) {
      List<Probe> probes = new ArrayList<>();
      String real = realPath(pattern);
      boolean hasBody = !method.equals("GET") && !method.equals("DELETE");
      byte[] goodBody = goodBody(pattern, handler);
      // Odd path ids, each in every {variable}.
      if (pattern.contains("{")) {
        for (String odd : oddIds(resident.conversationId)) {
          for (String encoded : List.of(odd, pathEncoded(odd))) {
            if (isUsableRaw(encoded)) {
              probes.add(probe(method, pattern.replaceAll("\\{[^}]+}", encoded), hasBody ? goodBody : null, null));
            }
          }
        }
      }
      // Odd query values for each request parameter, plus repeats and an unknown parameter.
      List<String> params = new ArrayList<>();
      for (MethodParameter parameter : handler.getMethodParameters()) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        if (annotation != null) {
          params.add(annotation.name().isEmpty() ? (annotation.value().isEmpty() ? parameter.getParameterName()
              : annotation.value()) : annotation.name());
        }
      }
      params.add("unknown");
      for (String param : params) {
        for (String value : ODD_QUERY_VALUES) {
          probes.add(probe(method, real + "?" + param + "=" + pathEncoded(value), hasBody ? goodBody : null, null));
        }
        probes.add(probe(method, real + "?" + param + "=1&" + param + "=2&" + param + "=x", hasBody ? goodBody : null,
            null));
        probes.add(probe(method, real + "?" + param, hasBody ? goodBody : null, null));
      }
      // Odd Accept headers.
      for (String accept : List.of("application/xml", "text/html", "image/png", "*/*;q=x", "garbage")) {
        probes.add(withHeader(probe(method, real, hasBody ? goodBody : null, null), "Accept", accept));
      }
      if (hasBody) {
        for (byte[] body : oddBodies(handler)) {
          probes.add(probe(method, real, body, "application/json"));
        }
        byte[] garbage = new byte[4096];
        random.nextBytes(garbage);
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/json; charset=utf-16", "application/octet-stream",
            "nonsense", "")) {
          probes.add(probe(method, real, goodBody, type));
          probes.add(probe(method, real, garbage, type));
        }
        probes.add(probe(method, real, garbage, "application/json"));
      }
      return probes;
    }

    /** The odd bodies: malformed, wrong types, huge, deep, and each field of the expected record made odd. */
    private List<byte[]> oddBodies(HandlerMethod handler) {
      List<String> bodies = new ArrayList<>(List.of("", "{", "}", "null", "[]", "[1,2,3]", "\"text\"", "123", "true",
          "{\"text\": {}}", "{\"text\": [\"a\"]}", "{\"text\": 1e400}", "{\"a\":" .repeat(2000) + "1" + "}".repeat(2000),
          NESTED, MEGABYTE, "\uFEFF{}", "{\"text\":\"\\ud800\"}", "{\"text\":\"x\",\"text\":\"y\"}",
          "{'text': 'single quotes'}", "{\"update_id\": \"x\"}", "{\"update_id\": 1, \"message\": []}",
          "{\"update_id\": 1, \"callback_query\": {\"id\": \"a b\\r\\nDEL x\", \"from\": {\"id\": 5, \"is_bot\": false,"
              + " \"first_name\": \"F\"}, \"message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": 5, "
              + "\"type\": \"private\"}}, \"data\": \"x\"}}",
          "{\"update_id\": 2, \"message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": -1, \"type\": \"private\"},"
              + " \"text\": \"" + "x".repeat(70000) + "\"}}"));
      Class<?> type = bodyType(handler);
      if (type != null && type.isRecord()) {
        List<Object> oddValues = List.of("", " ", "x".repeat(10_000), "\u0000", "🗑".repeat(3000), "conv:*",
            "a b\r\nDEL x", 1, -1, 1.5, true, List.of(), Map.of(), "ADMIN", Collections.singletonList(null),
            List.of(""), List.of("x".repeat(10_000)), Collections.nCopies(2000, "a"));
        for (RecordComponent component : type.getRecordComponents()) {
          for (Object value : oddValues) {
            Map<String, Object> body = new LinkedHashMap<>(goodFields(type));
            body.put(component.getName(), value);
            bodies.add(json(body));
          }
          Map<String, Object> withNull = new LinkedHashMap<>(goodFields(type));
          withNull.put(component.getName(), null);
          bodies.add(json(withNull));
        }
      }
      List<byte[]> bytes = new ArrayList<>();
      bodies.forEach(b -> bytes.add(b.getBytes(StandardCharsets.UTF_8)));
      return bytes;
    }

    /** Fields that pass, so that one odd field is the only thing wrong. */
    private static Map<String, Object> goodFields(Class<?> type) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (RecordComponent component : type.getRecordComponents()) {
        Object value = switch (component.getName()) {
          case "text", "reason" -> "hello";
          case "username" -> "fuzzed-user";
          case "password" -> "a-long-enough-password";
          case "roles" -> List.of("AGENT");
          case "teams" -> List.of("housing");
          case "enabled" -> true;
          case "presence" -> "available";
          case "team" -> "housing";
          case "wrapUp" -> "resolved";
          case "category" -> "adult_at_risk";
          default -> "x";
        };
        fields.put(component.getName(), value);
      }
      return fields;
    }

    private static Class<?> bodyType(HandlerMethod handler) {
      for (MethodParameter parameter : handler.getMethodParameters()) {
        if (parameter.hasParameterAnnotation(RequestBody.class)) {
          return parameter.getParameterType();
        }
      }
      return null;
    }

    private byte[] goodBody(String pattern, HandlerMethod handler) {
      if (pattern.equals("/api/telegram/webhook")) {
        return ("{\"update_id\": 7, \"message\": {\"message_id\": 1, \"date\": 1, \"chat\": {\"id\": 5, \"type\": "
            + "\"private\"}, \"text\": \"hello\"}}").getBytes(StandardCharsets.UTF_8);
      }
      Class<?> type = bodyType(handler);
      return type != null && type.isRecord() ? json(goodFields(type)).getBytes(StandardCharsets.UTF_8)
          : new byte[0];
    }

    /** The pattern with the resident's real conversation id, so that odd queries and bodies get past the id. */
    private String realPath(String pattern) {
      return pattern.replaceAll("\\{[^}]+}", resident.conversationId);
    }

    private Probe probe(String method, String path, byte[] body, String contentType) {
      Map<String, String> headers = new LinkedHashMap<>();
      if (path.startsWith("/api/webchat/")) {
        headers.put("Authorization", "Bearer " + resident.token);
      } else if (path.startsWith("/api/telegram/")) {
        headers.put("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET);
      } else if (!method.equals("GET")) {
        headers.put("X-XSRF-TOKEN", admin.csrf());
      }
      if (contentType == null && body != null && body.length > 0) {
        contentType = "application/json";
      }
      if (contentType != null && !contentType.isEmpty()) {
        headers.put("Content-Type", contentType);
      }
      return new Probe(method, path, headers, body == null ? new byte[0] : body);
    }

    private static Probe withHeader(Probe probe, String name, String value) {
      Map<String, String> headers = new LinkedHashMap<>(probe.headers());
      headers.put(name, value);
      return new Probe(probe.method(), probe.path(), headers, probe.body());
    }

    private Answer send(Probe probe) {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + probe.path()))
          .timeout(Duration.ofSeconds(30))
          .method(probe.method(), probe.body().length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
      request.header("Cookie", admin.cookieHeader());
      if (!probe.headers().containsKey("Accept")) {
        request.header("Accept", "application/json");
      }
      probe.headers().forEach(request::header);
      try {
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        try (InputStream body = response.body()) {
          // A live event stream stays open: its first bytes are enough.
          String text = contentType.startsWith("text/event-stream") ? ""
              : new String(body.readAllBytes(), StandardCharsets.UTF_8);
          return new Answer(response.statusCode(), contentType, text);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(probe.method() + " " + abbreviate(probe.path()), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    private static String json(Object value) {
      try {
        return JSON.writeValueAsString(value);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** Percent-encoded for a URL path or query (spaces as %20). */
    private static String pathEncoded(String value) {
      return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Whether a text can go into a URL as it is (a client can send only what a URI can hold). */
    private static boolean isUsableRaw(String text) {
      try {
        URI.create("http://127.0.0.1/" + text);
        return true;
      } catch (IllegalArgumentException e) {
        return false;
      }
    }

    private static String abbreviate(String text) {
      return text.length() > 160 ? text.substring(0, 160) + "…(" + text.length() + ")" : text;
    }
  }
}
