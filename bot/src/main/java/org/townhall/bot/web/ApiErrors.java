package org.townhall.bot.web;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.HttpMessageNotWritableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.townhall.bot.conversation.ConversationNotFoundException;
import org.townhall.bot.store.StoreUnavailableException;

/** Turns every failure of an API call into a JSON error body with a fitting status. */
@RestControllerAdvice
class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError> refused(ApiException e) {
    if (e.retryAfter() != null) {
      return ResponseEntity.status(e.status())
          .header(org.springframework.http.HttpHeaders.RETRY_AFTER, ApiException.retryAfterSeconds(e.retryAfter()))
          .body(new ApiError(e.getMessage()));
    }
    return body(e.status(), e.getMessage());
  }

  @ExceptionHandler(ConversationNotFoundException.class)
  ResponseEntity<ApiError> notFound(ConversationNotFoundException e) {
    return body(HttpStatus.NOT_FOUND, "No such conversation.");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
  }

  /** A request body that breaks its record's constraints: every broken field, named, in one sentence. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
    return body(HttpStatus.BAD_REQUEST, sentence(e.getBindingResult().getFieldErrors().stream()
        .map(f -> f.getField() + ": " + f.getDefaultMessage())));
  }

  /** A parameter (path, query, header or body) that breaks a constraint on the handler method itself. */
  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ApiError> invalidParameter(HandlerMethodValidationException e) {
    return body(HttpStatus.BAD_REQUEST, sentence(e.getParameterValidationResults().stream()
        .flatMap(r -> r.getResolvableErrors().stream()
            .map(error -> (error instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName())
                + ": " + error.getDefaultMessage()))));
  }

  private static String sentence(Stream<String> problems) {
    return problems.sorted().distinct().collect(Collectors.joining("; ")) + ".";
  }

  /**
   * A body that could not be turned into the expected type for another reason than its syntax (e.g.
   * a duplicated key for a one-field record); failures to write an answer stay a 500.
   */
  @ExceptionHandler(HttpMessageConversionException.class)
  ResponseEntity<ApiError> unconvertible(HttpMessageConversionException e) {
    if (e instanceof HttpMessageNotWritableException) {
      return unexpected(e);
    }
    return body(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape.");
  }

  /**
   * The security firewall refuses what it reads lazily, once a controller asks for parameters: e.g.
   * a form body of binary garbage, whose parameter names are not printable.
   */
  @ExceptionHandler(RequestRejectedException.class)
  ResponseEntity<ApiError> rejected(RequestRejectedException e) {
    return body(HttpStatus.BAD_REQUEST, "The request is malformed.");
  }

  /**
   * Tomcat 11 (Spring Boot 4) no longer skips a form body's parameters it cannot decode: it throws
   * when they are first read, before the firewall sees their names. Its code is the answer's (400, or
   * 413 past the parameter count limit).
   */
  @ExceptionHandler(InvalidParameterException.class)
  ResponseEntity<ApiError> undecodableParameters(InvalidParameterException e) {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    if (status == HttpStatus.PAYLOAD_TOO_LARGE) {
      return body(status, "The request has too many parameters.");
    }
    return body(HttpStatus.BAD_REQUEST, "The request is malformed.");
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingRequestHeaderException.class,
      org.springframework.web.bind.MissingServletRequestParameterException.class})
  ResponseEntity<ApiError> badParameter(Exception e) {
    return body(HttpStatus.BAD_REQUEST, "A parameter is missing or has the wrong type.");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
    return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Send JSON with 'Content-Type: application/json'.");
  }

  /** The client accepts nothing this API writes, or sent an Accept header that cannot be read. */
  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
    return body(HttpStatus.NOT_ACCEPTABLE, "This API answers in JSON: send 'Accept: application/json', or no Accept.");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
    return body(HttpStatus.METHOD_NOT_ALLOWED, "This method is not allowed here.");
  }

  @ExceptionHandler(NoResourceFoundException.class)
  ResponseEntity<ApiError> noResource(NoResourceFoundException e) {
    return body(HttpStatus.NOT_FOUND, "Not found.");
  }

  @ExceptionHandler(StoreUnavailableException.class)
  ResponseEntity<ApiError> storeDown(StoreUnavailableException e) {
    log.warn("Store unavailable: {}", e.getMessage());
    return body(HttpStatus.SERVICE_UNAVAILABLE, ApiException.STORE_UNAVAILABLE);
  }

  /**
   * The client went away (a console closed its live queue, a resident closed the page): nobody to
   * answer and nothing wrong on our side.
   */
  @ExceptionHandler(org.springframework.web.context.request.async.AsyncRequestNotUsableException.class)
  void clientGone(Exception e) {
    log.debug("Client disconnected: {}", e.getMessage());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e) {
    log.error("Unexpected failure in an API call", e);
    return body(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side. Please try again.");
  }

  private static ResponseEntity<ApiError> body(HttpStatus status, String message) {
    return ApiError.response(status, message);
  }
}
