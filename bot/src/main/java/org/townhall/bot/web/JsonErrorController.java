package org.townhall.bot.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}), for failures that happen before a controller runs:
 * a request the security firewall rejects ({@code ;jsessionid=}, {@code %25}, {@code ..;}), a
 * refused page. It answers {@code {"error": "a sentence"}} like every API error, never Spring Boot's
 * {@code {timestamp, status, error, path}} or its HTML "Whitelabel" page. Called directly, it is 404.
 */
@RestController
class JsonErrorController implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ApiError> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
    if (status == null || !status.isError()) {
      status = HttpStatus.NOT_FOUND;
    }
    return ApiError.response(status, switch (status) {
      case BAD_REQUEST -> "The request is malformed.";
      case UNAUTHORIZED -> "Sign in first.";
      case FORBIDDEN -> "This is not allowed.";
      case NOT_FOUND -> "Not found.";
      case METHOD_NOT_ALLOWED -> "This method is not allowed here.";
      case PAYLOAD_TOO_LARGE -> "The request is too large.";
      default -> status.is4xxClientError() ? "The request was refused."
          : "Something went wrong on our side. Please try again.";
    });
  }
}
