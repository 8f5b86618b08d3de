package org.townhall.bot.web;

import jakarta.servlet.RequestDispatcher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), for failures that happen before a controller runs:
 * a request the security firewall rejects ({@code ;jsessionid=}, {@code %25}, {@code ..;}), a
 * refused page, an address the bot does not serve. It answers {@code {"error": "a sentence"}} like
 * every API error, never Spring Boot's {@code {timestamp, status, error, path}}. A browser asking for
 * a page outside {@code /api} gets the service's own page for the status ({@code static/error/}).
 * Called directly, it is 404.
 */
@RestController
class JsonErrorController implements ErrorController {

  /** Each status's page, read from the classpath once (a scanner of unknown addresses asks often). */
  private final Map<HttpStatus, String> pages = new ConcurrentHashMap<>();

  @RequestMapping("${spring.web.error.path:/error}")
  ResponseEntity<?> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.NOT_FOUND;
    }
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    boolean api = uri instanceof String path && path.startsWith("/api/");
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (!api && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
      // A person's browser on a page (an unknown address, an agent opening an admin page): the
      // service's own page for the status, in its words, not JSON and not Spring's Whitelabel page.
      return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML).body(pages.computeIfAbsent(status, JsonErrorController::page));
    }
    return ApiError.response(status, sentence(status));
  }

  /** The page for a status: {@code static/error/404.html}, else the 4xx or 5xx one. */
  private static String page(HttpStatus status) {
    for (String name : new String[] {Integer.toString(status.value()), status.is4xxClientError() ? "4xx" : "5xx"}) {
      ClassPathResource page = new ClassPathResource("static/error/" + name + ".html");
      if (page.exists()) {
        try (var in = page.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    throw new IllegalStateException("no error page for " + status);
  }

  private static String sentence(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request is malformed.";
      case UNAUTHORIZED -> "Sign in first.";
      case FORBIDDEN -> "This is not allowed.";
      case NOT_FOUND -> "Not found.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      default -> status.is4xxClientError() ? "The request was refused."
          : "Something went wrong on our side. Please try again.";
    };
  }
}
