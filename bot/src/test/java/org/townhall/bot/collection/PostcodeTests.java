package org.townhall.bot.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PostcodeTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "my postcode is cf10 1ep please | CF10 1EP",
      "CF101EP                        | CF10 1EP",
      "I live at 12 Albany Rd, CF24 3AB. | CF24 3AB",
      "(Cf14 3ab)                     | CF14 3AB",
      "postcode:CF11 9XR!             | CF11 9XR",
      "'CF10  1EP'                    | CF10 1EP",
  })
  void findsAPostcodeAnywhereInASentenceInAnyCaseWithOrWithoutTheSpace(
      String text, String expected) {
    assertThat(Postcode.find(text)).map(Postcode::formatted).contains(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "SW1A 2AA", "E1W 1AA",
      "GIR 0AA", "ZE1 0AA", "BT1 1AA",
  })
  void acceptsEveryOfficialShapeAndGirobank(String postcode) {
    assertThat(Postcode.find(postcode)).map(Postcode::formatted).contains(postcode);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CF10 1CP", "CF10 1EI", "CF10 1KA", "CF10 1MA", "CF10 1OA", "CF10 1VA", // inward letters
      "QA1 1AA", "VA1 1AA", "XA1 1AA", // first letter
      "CI1 1AA", "CJ1 1AA", "CZ1 1AA", // second letter
      "W1I 1AA", "EC1C 1BB", // third and fourth letters
      "GIR 1AA", "CF10 1E", "CF1O 1EP", "CF100 1EP", "CF10 11EP", "C 1EP", "CF10 1EP1",
  })
  void rejectsWhatIsNotAValidFullPostcode(String text) {
    assertThat(Postcode.find(text)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "XCF10 1EP", "ref ABCF10 1EP", "12CF10 1EP", "CF10 1EPX", "CF10 1EP9", "éCF10 1EP",
      "CF10 1EPé", "order CF101EPA2",
  })
  void neverFindsAPostcodeInsideALongerWordOrNumber(String text) {
    assertThat(Postcode.find(text)).isEmpty();
  }

  @Test
  void findsTheFirstValidPostcodeWhenThereAreSeveral() {
    assertThat(Postcode.find("from CF10 1EP to CF24 3AB")).map(Postcode::formatted)
        .contains("CF10 1EP");
    assertThat(Postcode.find("not GIR 1AA but CF14 2AB")).map(Postcode::formatted)
        .contains("CF14 2AB");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"when is my bin collected", "   ", "12345", "CF10"})
  void findsNothingWhereThereIsNoPostcode(String text) {
    assertThat(Postcode.find(text)).isEmpty();
  }

  @Test
  void namesItsDistrictAndSector() {
    Postcode postcode = Postcode.find("cf10 1ep").orElseThrow();

    assertThat(postcode.formatted()).isEqualTo("CF10 1EP");
    assertThat(postcode.district()).isEqualTo("CF10");
    assertThat(postcode.sector()).isEqualTo("CF10 1");
    assertThat(postcode.outward()).isEqualTo("CF10");
    assertThat(postcode.inward()).isEqualTo("1EP");
  }

  @Test
  void normalisesItsPartsAndRefusesInvalidOnes() {
    assertThat(new Postcode(" cf10", "1ep ")).isEqualTo(new Postcode("CF10", "1EP"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Postcode("CF10", "1CP"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Postcode("GIR", "1AA"));
    assertThatIllegalArgumentException().isThrownBy(() -> new Postcode("CF10", null));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "CF10", "my postcode is CF24", "CF10 1E", "cf10 1", "CF1O 1EP", "CFIO 1EP", "CF10 1CP",
      "CF101E", "CF10 1EPP", "it's cf14-3ab", "M1", "CF10 1ÉP",
  })
  void seesANearMissAsAnAttemptWorthARetry(String text) {
    assertThat(Postcode.looksLikeAnAttempt(text)).isTrue();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {
      "CF10 1EP", "my postcode is cf101ep", "when is my bin collected", "hello", "12 Albany Road",
      "Tuesday at 7am", "I went to 2nd floor", "in 1st place", "no idea", "CF", "2024",
  })
  void doesNotSeeAValidPostcodeOrOrdinaryWordsAsAnAttempt(String text) {
    assertThat(Postcode.looksLikeAnAttempt(text)).isFalse();
  }

  @Test
  void neverThrowsOnArbitraryText() {
    Random random = new Random(20261123L);
    String[] pieces = {"CF10", " ", "1EP", "cf", "GIR", "0AA", "\uD83D\uDDD1", "\u0000", "\n",
        "é", "\uFEFF", "\uD800", "9", "Z"};
    for (int i = 0; i < 300; i++) {
      int length = i == 0 ? 10_000 : random.nextInt(i < 10 ? 10_000 : 200);
      StringBuilder text = new StringBuilder(length);
      while (text.length() < length) {
        switch (random.nextInt(4)) {
          case 0 -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
          case 1 -> text.append((char) random.nextInt(0x10000)); // includes lone surrogates
          case 2 -> text.append((char) random.nextInt(256)); // "binary", as Latin-1
          default -> text.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      String input = text.toString();

      Optional<Postcode> found = Postcode.find(input);
      found.ifPresent(
          postcode -> assertThat(Postcode.find(postcode.formatted())).contains(postcode));
      Postcode.looksLikeAnAttempt(input);
    }
  }

  @Test
  void readsTenThousandCharactersQuickly() {
    String noise = "CF10 1".repeat(2_000);

    assertThat(timed(() -> Postcode.find(noise)))
        .isLessThan(Duration.ofSeconds(1));
    assertThat(timed(() -> Postcode.looksLikeAnAttempt(noise))).isLessThan(Duration.ofSeconds(1));
  }

  private static Duration timed(Runnable work) {
    long start = System.nanoTime();
    work.run();
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
