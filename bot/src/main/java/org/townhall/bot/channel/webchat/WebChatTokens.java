package org.townhall.bot.channel.webchat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.townhall.bot.store.Sha256;

/** Bearer tokens for web chat conversations: 256 random bits, stored only as a SHA-256 hash. */
final class WebChatTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private WebChatTokens() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String token) {
    return Sha256.hex(token);
  }

  /** Constant-time comparison, so response times do not leak how much of a hash matched. */
  static boolean matches(String token, String expectedHash) {
    if (token == null || expectedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
        expectedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
