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

  public HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
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
