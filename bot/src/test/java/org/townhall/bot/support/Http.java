package org.townhall.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON-over-HTTP client for tests, with its own cookie jar (a browser session of its own). */
public class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  protected final String base;
  protected final CookieManager cookies = new CookieManager();
  private final HttpClient client;

  public Http(int port) {
    this.base = "http://127.0.0.1:" + port;
    this.client = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  /** A response: its status and its body parsed as JSON (a missing node for an empty body). */
  public record Reply(int status, JsonNode json, HttpResponse<String> raw) {}

  public Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
          HttpResponse.BodyHandlers.ofString());
      JsonNode json = response.body().isBlank() ? JSON.missingNode() : parse(response.body());
      return new Reply(response.statusCode(), json, response);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens a Server-Sent Events stream and hands back each event's data (one JSON document per
   * event) as it arrives; {@link EventStream#close()} hangs up.
   */
  public EventStream events(HttpRequest.Builder request) {
    EventStream stream = new EventStream();
    stream.response = client.sendAsync(request.header("Accept", "text/event-stream").build(),
        HttpResponse.BodyHandlers.fromLineSubscriber(stream, s -> null, "\n"));
    return stream;
  }

  /** Events received on a stream, parsed as JSON, in order. */
  public static final class EventStream implements java.util.concurrent.Flow.Subscriber<String>, AutoCloseable {
    private final java.util.concurrent.BlockingQueue<JsonNode> events = new java.util.concurrent.LinkedBlockingQueue<>();
    private final StringBuilder data = new StringBuilder();
    private volatile java.util.concurrent.Flow.Subscription subscription;
    private java.util.concurrent.CompletableFuture<HttpResponse<Void>> response;

    /** The next event's data, waiting up to {@code timeout}; null if none came. */
    public JsonNode next(Duration timeout) throws InterruptedException {
      return events.poll(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (line.startsWith("data:")) {
        data.append(line.substring(5));
      } else if (line.isEmpty() && !data.isEmpty()) {
        events.add(parse(data.toString()));
        data.setLength(0);
      }
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}

    @Override
    public void close() {
      if (subscription != null) {
        subscription.cancel();
      }
      response.cancel(true);
    }
  }

  public HttpRequest.Builder request(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
    return forwardedFor == null ? request : request.header("X-Forwarded-For", forwardedFor);
  }

  private volatile String forwardedFor;

  /** From now on every request says, as a reverse proxy would, that it came from {@code address}. */
  public void forwardedFor(String address) {
    this.forwardedFor = address;
  }

  public static HttpRequest.BodyPublisher json(Object body) {
    try {
      return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException notJson) {
      return JSON.getNodeFactory().textNode(body);
    }
  }
}
