package org.townhall.bot.web;

import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The body of every API error: one sentence for the person using the client.
 *
 * @param error what was wrong and, where it helps, what to send instead
 */
@Schema(description = "Every error: a 4xx (or 503) status and one sentence.")
public record ApiError(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "text: must not be empty.") String error) {

  /**
   * The answer with this status and sentence, always as JSON: its content type is set here, so it is
   * written whatever the request's Accept header says (a JSON API answers errors in JSON).
   */
  public static ResponseEntity<ApiError> response(HttpStatusCode status, String sentence) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(sentence));
  }
}
