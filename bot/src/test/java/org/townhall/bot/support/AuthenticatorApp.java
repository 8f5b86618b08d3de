package org.townhall.bot.support;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.codec.binary.Base32;

/** A member of staff's authenticator app: the code it shows for a Base32 secret, now or at a given moment. */
public final class AuthenticatorApp {

  private static final TimeBasedOneTimePasswordGenerator APP =
      new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(30), 6);

  private AuthenticatorApp() {}

  /** The code the app shows now, by the real clock (as a phone would). */
  public static String code(String secret) {
    return code(secret, Instant.now());
  }

  public static String code(String secret, Instant at) {
    try {
      return APP.generateOneTimePasswordString(new SecretKeySpec(new Base32().decode(secret.replace(" ", "")),
          "HmacSHA1"), at, Locale.ROOT);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }
}
