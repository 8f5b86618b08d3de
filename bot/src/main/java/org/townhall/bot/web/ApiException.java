package org.townhall.bot.web;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a sentence for the client. */
public class ApiException extends RuntimeException {

  /** What every API says, with 503, while the store cannot be reached. */
  public static final String STORE_UNAVAILABLE =
      "We're having trouble right now. Please try again in a moment.";

  private final HttpStatus status;
  private final Duration retryAfter;

  public ApiException(HttpStatus status, String message) {
    this(status, message, null);
  }

  private ApiException(HttpStatus status, String message, Duration retryAfter) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /** 429, answered with a {@code Retry-After} header: when the client may try again. */
  public static ApiException tooManyRequests(String message, Duration retryAfter) {
    return new ApiException(HttpStatus.TOO_MANY_REQUESTS, message, retryAfter);
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, message);
  }

  public static ApiException notFound(String message) {
    return new ApiException(HttpStatus.NOT_FOUND, message);
  }

  public HttpStatus status() {
    return status;
  }

  /** How long the client should wait before trying again, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** {@code retryAfter} as a {@code Retry-After} header's value: whole seconds, rounded up, at least 1. */
  public static String retryAfterSeconds(Duration retryAfter) {
    return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
  }
}
