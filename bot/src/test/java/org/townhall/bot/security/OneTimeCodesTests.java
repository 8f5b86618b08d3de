package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.townhall.bot.support.AuthenticatorApp;
import org.townhall.bot.support.MutableClock;

/** The second factor's codes, against RFC 6238's own test vectors, on a clock the test moves. */
class OneTimeCodesTests {

  /** RFC 6238, appendix B: the SHA-1 seed "12345678901234567890", in Base32 as an app takes it. */
  private static final String RFC_SECRET = new Base32().encodeAsString("12345678901234567890".getBytes());

  private final MutableClock clock = new MutableClock(Instant.EPOCH);
  private final OneTimeCodes codes = new OneTimeCodes(clock);

  /** The RFC's 8-digit values, of which an authenticator app shows the last 6. */
  @ParameterizedTest(name = "at {0} s: {1}")
  @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037",
      "20000000000, 353130"})
  void acceptsTheRfcsCodeAtItsMomentAsThatMomentsTimeStep(long seconds, String code) {
    clock.set(Instant.ofEpochSecond(seconds));

    assertThat(codes.step(RFC_SECRET, code)).hasValue(seconds / 30);
  }

  @Test
  void acceptsTheCodeOfTheStepEitherSideForAPhoneWhoseClockIsALittleOutButNoFurther() {
    clock.set(Instant.ofEpochSecond(59 + 30));
    assertThat(codes.step(RFC_SECRET, "287082")).as("30 s later").hasValue(1);
    clock.set(Instant.ofEpochSecond(59 - 30));
    assertThat(codes.step(RFC_SECRET, "287082")).as("30 s earlier").hasValue(1);
    clock.set(Instant.ofEpochSecond(59 + 60));
    assertThat(codes.step(RFC_SECRET, "287082")).as("60 s later").isEmpty();
  }

  @Test
  void ignoresSpacesAndRefusesAnythingButSixDigits() {
    clock.set(Instant.ofEpochSecond(59));

    assertThat(codes.step(RFC_SECRET, " 287 082 ")).hasValue(1);
    for (String odd : new String[] {"", "28708", "2870820", "28708a", "２８７０８２", "287082\u0000", "-87082", null}) {
      assertThat(codes.step(RFC_SECRET, odd)).as("%s", odd).isEmpty();
    }
    assertThat(codes.step(RFC_SECRET, "287083")).isEmpty();
  }

  @Test
  void makesA160BitSecretEachTimeThatItsOwnCodesMatch() {
    String secret = codes.newSecret();

    assertThat(secret).matches("[A-Z2-7]{32}").isNotEqualTo(codes.newSecret());
    clock.set(Instant.parse("2026-12-03T12:00:00Z"));
    assertThat(codes.step(secret, AuthenticatorApp.code(secret, clock.instant())))
        .hasValue(clock.instant().getEpochSecond() / 30);
  }

  @Test
  void givesAnAuthenticatorAppTheIssuerTheAccountAndTheSettings() {
    assertThat(codes.uri("sam.o'neil@council.gov.uk", "JBSWY3DPEHPK3PXP")).isEqualTo("otpauth://totp/Townhall:"
        + "sam.o%27neil%40council.gov.uk?secret=JBSWY3DPEHPK3PXP&issuer=Townhall&algorithm=SHA1&digits=6&period=30");
  }
}
