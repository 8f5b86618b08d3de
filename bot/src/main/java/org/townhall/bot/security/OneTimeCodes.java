package org.townhall.bot.security;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;
import org.springframework.stereotype.Component;

/**
 * The second factor's codes: time-based one-time passwords (RFC 6238) as every authenticator app makes
 * them by default (HMAC-SHA1, 6 digits, a new code every 30 seconds), from a secret shared once at
 * enrolment. The time comes from the bot's clock.
 */
@Component
class OneTimeCodes {

  static final Duration STEP = Duration.ofSeconds(30);
  static final int DIGITS = 6;
  /** How the authenticator app names the account's issuer. */
  static final String ISSUER = "Townhall";
  /** RFC 4226 recommends a 160-bit secret: 32 characters of Base32. */
  private static final int SECRET_BYTES = 20;

  private final TimeBasedOneTimePasswordGenerator generator = new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;

  OneTimeCodes(Clock clock) {
    this.clock = clock;
  }

  /** A new random secret, in Base32 as authenticator apps take it. */
  String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return new Base32().encodeAsString(secret);
  }

  /**
   * The time step whose code {@code typed} is: now's, or the one either side of it (a phone's clock a
   * few seconds out, or a code typed just as it changed). Spaces in what was typed are ignored.
   */
  OptionalLong step(String secret, String typed) {
    String code = typed == null ? "" : typed.replaceAll("\\s", "");
    if (!code.matches("[0-9]{" + DIGITS + "}")) {
      return OptionalLong.empty();
    }
    long now = clock.instant().getEpochSecond() / STEP.toSeconds();
    for (long step = now - 1; step <= now + 1; step++) {
      // Compared in constant time: how long a wrong code takes says nothing about the right one.
      if (MessageDigest.isEqual(code(secret, step).getBytes(StandardCharsets.US_ASCII),
          code.getBytes(StandardCharsets.US_ASCII))) {
        return OptionalLong.of(step);
      }
    }
    return OptionalLong.empty();
  }

  /** The {@code otpauth://} address an authenticator app reads (typed in, or from its QR code). */
  String uri(String username, String secret) {
    String label = encode(ISSUER) + ":" + encode(username);
    return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(ISSUER) + "&algorithm=SHA1&digits="
        + DIGITS + "&period=" + STEP.toSeconds();
  }

  private String code(String secret, long step) {
    Key key = new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    try {
      return generator.generateOneTimePasswordString(key, Instant.ofEpochSecond(step * STEP.toSeconds()),
          java.util.Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("an HMAC-SHA1 key of stored bytes is always valid", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
