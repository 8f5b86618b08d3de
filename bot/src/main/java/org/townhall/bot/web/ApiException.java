package org.townhall.bot.web;

import org.springframework.http.HttpStatus;

/** A request the API refuses, with the status and a sentence for the client. */
public class ApiException extends RuntimeException {

  /** What every API says, with 503, while the store cannot be reached. */
  public static final String STORE_UNAVAILABLE =
      "We're having trouble right now. Please try again in a moment.";

  private final HttpStatus status;

  public ApiException(HttpStatus status, String message) {
    super(message);
    this.status = status;
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
}
