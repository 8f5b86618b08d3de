package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Security's refusals on the APIs, in the same {@code {"error": "…"}} shape as every other API error. */
final class JsonRefusal {

  private JsonRefusal() {}

  /** Writes the refusal; {@code sentence} is a fixed text of ours, so it needs no JSON escaping beyond quotes. */
  static void write(HttpServletResponse response, HttpStatus status, String sentence) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"error\":\"" + sentence.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
  }
}
