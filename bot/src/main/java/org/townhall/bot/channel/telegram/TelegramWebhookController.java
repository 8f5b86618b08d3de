package org.townhall.bot.channel.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.townhall.bot.web.ApiException;

/**
 * Telegram's webhook: checks the secret token (in constant time), records the update durably and
 * answers at once; the update is processed afterwards by the inbound workers of any instance. A
 * wrong or missing secret gets 401 and nothing is recorded; if the store is down the answer is 503,
 * and Telegram delivers the update again later.
 */
@RestController
@ConditionalOnExpression("${townhall.telegram.enabled:false} and '${townhall.telegram.mode:polling}'.equalsIgnoreCase('webhook')")
class TelegramWebhookController {

  static final String PATH = "/api/telegram/webhook";
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final TelegramInbox inbox;
  private final ObjectMapper json;
  private final byte[] expectedSecretHash;

  TelegramWebhookController(TelegramInbox inbox, ObjectMapper json, TelegramProperties settings) {
    this.inbox = inbox;
    this.json = json;
    if (settings.webhookSecret() == null || settings.webhookSecret().isBlank()) {
      throw new IllegalStateException("townhall.telegram.mode=webhook needs a secret: set TOWNHALL_TELEGRAM_WEBHOOK_SECRET");
    }
    this.expectedSecretHash = sha256(settings.webhookSecret());
  }

  @PostMapping(PATH)
  ResponseEntity<Map<String, Object>> receive(@RequestHeader(value = SECRET_HEADER, required = false) String secret,
      @RequestBody(required = false) String body) {
    // Hashing both sides makes the comparison constant-time whatever the lengths.
    if (secret == null || !MessageDigest.isEqual(sha256(secret), expectedSecretHash)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Missing or wrong secret token.");
    }
    if (body == null || body.isBlank()) {
      throw ApiException.badRequest("Send a Telegram update as JSON.");
    }
    Update update;
    try {
      update = json.readValue(body, Update.class);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not a Telegram update.");
    }
    if (update == null || update.getUpdateId() == null) {
      throw ApiException.badRequest("The body is not a Telegram update.");
    }
    inbox.record(update);
    return ResponseEntity.ok(Map.of("ok", true));
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
