package org.townhall.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Telegram Bot API server on a free loopback port, for the real TelegramBots client to talk to:
 * {@code getMe}, {@code getUpdates} (long polling with offsets), {@code setWebhook}/{@code deleteWebhook}
 * (and then pushing updates to the webhook with the secret header, retrying like Telegram),
 * {@code sendMessage}, {@code answerCallbackQuery}, {@code editMessageReplyMarkup}, with Telegram's
 * JSON shapes. It can answer with 429s, 5xx, 403 (blocked), slow responses, and deliver an update
 * twice; it records every call and what was sent to each chat.
 */
public final class FakeTelegramApi implements AutoCloseable {

  public static final String TOKEN = "123456789:AAtest-token_for-the-fake-api";
  public static final long BOT_ID = 123456789L;

  /** One API call as received. */
  public record Call(String method, JsonNode body, Instant at, int status) {}

  private record Canned(int status, String description, Integer retryAfter) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  // One update at a time, in order, as Telegram does with max_connections=1.
  private final ExecutorService pusher = Executors.newSingleThreadExecutor();
  private final HttpClient webhookClient = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final List<ObjectNode> pending = new ArrayList<>();
  private final List<Call> calls = new ArrayList<>();
  private final Map<String, Deque<Canned>> failures = new HashMap<>();
  private final Set<String> blocked = new HashSet<>();
  private final AtomicInteger nextUpdateId = new AtomicInteger(700_000);
  private final AtomicInteger nextMessageId = new AtomicInteger(1);
  private volatile Duration slowSends = Duration.ZERO;
  private volatile String webhookUrl;
  private volatile String webhookSecret;

  private FakeTelegramApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public static FakeTelegramApi start() {
    try {
      return new FakeTelegramApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base address for {@code townhall.telegram.api-url}. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- what residents do -------------------------------------------------------------------

  /** A resident writes in their private chat (chat id = user id, as in Telegram). */
  public ObjectNode text(long chatId, String text) {
    ObjectNode message = message(chatId, "private");
    message.put("text", text);
    if (text.startsWith("/")) {
      ObjectNode entity = message.putArray("entities").addObject();
      entity.put("type", "bot_command").put("offset", 0).put("length", text.split("\\s+")[0].length());
    }
    return deliver(update().set("message", message));
  }

  /** A resident sends a sticker. */
  public ObjectNode sticker(long chatId) {
    ObjectNode message = message(chatId, "private");
    message.putObject("sticker").put("file_id", "CAACAgIAAxkB").put("file_unique_id", "AgADsticker")
        .put("type", "regular").put("width", 512).put("height", 512).put("is_animated", false)
        .put("is_video", false).put("emoji", "👍");
    return deliver(update().set("message", message));
  }

  /** A resident sends a photo with a caption. */
  public ObjectNode photo(long chatId, String caption) {
    ObjectNode message = message(chatId, "private");
    message.putArray("photo").addObject().put("file_id", "AgACAgQAAxkB").put("file_unique_id", "AQADphoto")
        .put("width", 90).put("height", 67).put("file_size", 1234);
    message.put("caption", caption);
    return deliver(update().set("message", message));
  }

  /** A resident shares their location. */
  public ObjectNode location(long chatId) {
    ObjectNode message = message(chatId, "private");
    message.putObject("location").put("latitude", 51.4816).put("longitude", -3.1791);
    return deliver(update().set("message", message));
  }

  /** A resident edits an earlier message. */
  public ObjectNode edit(long chatId, int messageId, String text) {
    ObjectNode message = message(chatId, "private");
    message.put("message_id", messageId);
    message.put("edit_date", Instant.now().getEpochSecond());
    message.put("text", text);
    return deliver(update().set("edited_message", message));
  }

  /** Someone writes in a group the bot was added to. */
  public ObjectNode groupText(long groupId, String text) {
    ObjectNode message = message(groupId, "group");
    ((ObjectNode) message.get("chat")).put("title", "Street WhatsApp refugees").remove("first_name");
    ((ObjectNode) message.get("from")).put("id", 4242L);
    message.put("text", text);
    return deliver(update().set("message", message));
  }

  /** A resident taps the inline button labelled {@code label} on the last message that offered it. */
  public ObjectNode tap(long chatId, String label) {
    List<JsonNode> all = sentTo(chatId);
    for (int i = all.size() - 1; i >= 0; i--) {
      JsonNode sent = all.get(i);
      for (JsonNode row : sent.path("reply_markup").path("inline_keyboard")) {
        for (JsonNode button : row) {
          if (label.equals(button.path("text").asText())) {
            return tapData(chatId, sent.path("message_id").asInt(), button.path("callback_data").asText(),
                "cbq-" + nextUpdateId.get());
          }
        }
      }
    }
    throw new AssertionError("no button '" + label + "' was sent to chat " + chatId + ": " + sentTo(chatId));
  }

  /** A callback query with this data and id (the app re-sends a tap with the same id). */
  public ObjectNode tapData(long chatId, int messageId, String data, String callbackId) {
    ObjectNode query = JSON.createObjectNode();
    query.put("id", callbackId);
    query.set("from", user(chatId));
    ObjectNode message = query.putObject("message");
    message.put("message_id", messageId).put("date", Instant.now().getEpochSecond());
    message.set("chat", chat(chatId, "private"));
    message.set("from", JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Townhall"));
    message.put("text", "…");
    query.put("chat_instance", "-5312345678").put("data", data);
    return deliver(update().set("callback_query", query));
  }

  /** Delivers an update again, unchanged (a retry after a timeout, or a poller that restarted). */
  public void redeliver(ObjectNode update) {
    deliver(update.deepCopy());
  }

  // ---- what goes wrong -----------------------------------------------------------------------

  /** The next call of {@code method} fails with this status (e.g. 429 with retry_after, 500, 502). */
  public void failNext(String method, int status, String description, Integer retryAfter) {
    synchronized (failures) {
      failures.computeIfAbsent(method.toLowerCase(Locale.ROOT), m -> new ArrayDeque<>())
          .add(new Canned(status, description, retryAfter));
    }
  }

  /** Forgets failures queued with {@link #failNext} and not yet used. */
  public void clearFailures() {
    synchronized (failures) {
      failures.clear();
    }
  }

  /** The resident blocked the bot: every message to the chat gets 403. */
  public void block(long chatId) {
    synchronized (blocked) {
      blocked.add(Long.toString(chatId));
    }
  }

  /** Every sendMessage takes this long to answer. */
  public void slowSends(Duration delay) {
    this.slowSends = delay;
  }

  // ---- what the bot did ----------------------------------------------------------------------

  /** The sendMessage bodies accepted for a chat, in order, each with the message_id it was given. */
  public List<JsonNode> sentTo(long chatId) {
    List<JsonNode> sent = new ArrayList<>();
    for (Call call : calls()) {
      if (call.method().equals("sendmessage") && call.status() == 200
          && call.body().path("chat_id").asText().equals(Long.toString(chatId))) {
        sent.add(call.body());
      }
    }
    return sent;
  }

  /** The texts sent to a chat, in order. */
  public List<String> textsTo(long chatId) {
    return sentTo(chatId).stream().map(b -> b.path("text").asText()).toList();
  }

  /** Every call of a method, whatever its answer. */
  public List<Call> calls(String method) {
    return calls().stream().filter(c -> c.method().equals(method.toLowerCase(Locale.ROOT))).toList();
  }

  public List<Call> calls() {
    synchronized (calls) {
      return List.copyOf(calls);
    }
  }

  /** Updates waiting for getUpdates (not yet confirmed by an offset). */
  public int unconfirmed() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** Sends updates to this webhook from now on (as setWebhook does, for a bot whose address a test only knows later). */
  public void pushTo(String url, String secret) {
    this.webhookUrl = url;
    this.webhookSecret = secret;
  }

  @Override
  public void close() {
    server.stop(0);
    pusher.shutdownNow();
    executor.shutdownNow();
  }

  // ---- the server ----------------------------------------------------------------------------

  private ObjectNode update() {
    return JSON.createObjectNode().put("update_id", nextUpdateId.getAndIncrement());
  }

  private ObjectNode message(long chatId, String type) {
    ObjectNode message = JSON.createObjectNode();
    message.put("message_id", nextMessageId.getAndIncrement());
    message.set("from", user(chatId));
    message.set("chat", chat(chatId, type));
    message.put("date", Instant.now().getEpochSecond());
    return message;
  }

  private static ObjectNode user(long id) {
    return JSON.createObjectNode().put("id", id).put("is_bot", false).put("first_name", "Rhian")
        .put("language_code", "en");
  }

  private static ObjectNode chat(long id, String type) {
    return JSON.createObjectNode().put("id", id).put("type", type).put("first_name", "Rhian");
  }

  private ObjectNode deliver(ObjectNode update) {
    if (webhookUrl != null) {
      pusher.submit(() -> push(update));
    } else {
      synchronized (pending) {
        pending.add(update);
        pending.notifyAll();
      }
    }
    return update;
  }

  /** Like Telegram: retries a webhook delivery that did not get a 2xx, a few times. */
  private void push(ObjectNode update) {
    for (int attempt = 0; attempt < 10; attempt++) {
      try {
        HttpResponse<String> response = webhookClient.send(HttpRequest.newBuilder(URI.create(webhookUrl))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", webhookSecret)
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofString(update.toString())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 == 2) {
          return;
        }
      } catch (IOException e) {
        // retry
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      sleep(Duration.ofMillis(200));
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String[] path = exchange.getRequestURI().getPath().split("/");
      if (path.length < 3 || !path[1].equals("bot" + TOKEN)) {
        reply(exchange, 401, error(401, "Unauthorized", null));
        return;
      }
      String method = path[2].toLowerCase(Locale.ROOT);
      byte[] raw = exchange.getRequestBody().readAllBytes();
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      JsonNode body = raw.length == 0 ? JSON.createObjectNode()
          : type != null && type.startsWith("multipart/form-data") ? formFields(new String(raw, StandardCharsets.UTF_8))
          : JSON.readTree(raw);
      Canned failure = nextFailure(method);
      if (failure == null && method.equals("sendmessage") && isBlocked(body.path("chat_id").asText())) {
        failure = new Canned(403, "Forbidden: bot was blocked by the user", null);
      }
      if (method.equals("sendmessage") && !slowSends.isZero()) {
        sleep(slowSends);
      }
      if (failure != null) {
        record(method, body, failure.status());
        reply(exchange, failure.status(), error(failure.status(), failure.description(), failure.retryAfter()));
        return;
      }
      JsonNode result = switch (method) {
        case "getme" -> JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Townhall")
            .put("username", "townhall_test_bot").put("can_join_groups", true)
            .put("can_read_all_group_messages", false).put("supports_inline_queries", false);
        case "getupdates" -> updates(body);
        case "setwebhook", "deletewebhook", "answercallbackquery" -> JSON.getNodeFactory().booleanNode(true);
        case "getwebhookinfo" -> JSON.createObjectNode().put("url", webhookUrl == null ? "" : webhookUrl)
            .put("has_custom_certificate", false).put("pending_update_count", unconfirmed());
        case "sendmessage" -> sent(body);
        case "editmessagereplymarkup" -> JSON.createObjectNode().put("message_id", body.path("message_id").asInt())
            .put("date", Instant.now().getEpochSecond()).put("text", "…")
            .set("chat", chat(body.path("chat_id").asLong(), "private"));
        default -> null;
      };
      if (method.equals("deletewebhook")) {
        webhookUrl = null;
      }
      if (result == null) {
        record(method, body, 404);
        reply(exchange, 404, error(404, "Not Found: method not found", null));
        return;
      }
      record(method, body, 200);
      ObjectNode ok = JSON.createObjectNode().put("ok", true);
      ok.set("result", result);
      reply(exchange, 200, ok);
    }
  }

  /** setWebhook goes as multipart/form-data (it may carry a certificate): its text fields, as JSON. */
  private static JsonNode formFields(String body) {
    ObjectNode fields = JSON.createObjectNode();
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("name=\"([^\"]+)\"(?:;[^\r\n]*)?\r\n(?:[^\r\n]+\r\n)*\r\n(.*?)\r\n--", java.util.regex.Pattern.DOTALL)
        .matcher(body);
    while (m.find()) {
      fields.put(m.group(1), m.group(2));
    }
    return fields;
  }

  private JsonNode updates(JsonNode body) {
    long offset = body.path("offset").asLong(0);
    int limit = body.path("limit").asInt(100);
    // A real long poll waits up to `timeout` seconds; a short cap keeps test shutdown quick.
    long waitMillis = Math.min(body.path("timeout").asLong(0) * 1000, 1000);
    long deadline = System.currentTimeMillis() + waitMillis;
    ArrayNode result = JSON.createArrayNode();
    synchronized (pending) {
      // An offset confirms every update before it.
      pending.removeIf(u -> u.path("update_id").asLong() < offset);
      while (pending.isEmpty() && System.currentTimeMillis() < deadline) {
        try {
          pending.wait(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        pending.removeIf(u -> u.path("update_id").asLong() < offset);
      }
      pending.stream().limit(limit).forEach(u -> result.add(u.deepCopy()));
    }
    return result;
  }

  private JsonNode sent(JsonNode body) {
    ObjectNode message = JSON.createObjectNode();
    int id = nextMessageId.getAndIncrement();
    ((ObjectNode) body).put("message_id", id);
    message.put("message_id", id);
    message.set("from", JSON.createObjectNode().put("id", BOT_ID).put("is_bot", true).put("first_name", "Townhall")
        .put("username", "townhall_test_bot"));
    message.set("chat", chat(body.path("chat_id").asLong(), "private"));
    message.put("date", Instant.now().getEpochSecond());
    message.put("text", body.path("text").asText());
    if (body.has("reply_markup")) {
      message.set("reply_markup", body.get("reply_markup"));
    }
    return message;
  }

  private Canned nextFailure(String method) {
    synchronized (failures) {
      Deque<Canned> queue = failures.get(method);
      return queue == null ? null : queue.poll();
    }
  }

  private boolean isBlocked(String chatId) {
    synchronized (blocked) {
      return blocked.contains(chatId);
    }
  }

  private void record(String method, JsonNode body, int status) {
    synchronized (calls) {
      calls.add(new Call(method, body, Instant.now(), status));
    }
  }

  private static ObjectNode error(int code, String description, Integer retryAfter) {
    ObjectNode error = JSON.createObjectNode().put("ok", false).put("error_code", code).put("description", description);
    if (retryAfter != null) {
      error.putObject("parameters").put("retry_after", retryAfter);
    }
    return error;
  }

  private static void reply(HttpExchange exchange, int status, JsonNode body) throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
