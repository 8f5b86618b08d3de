package org.townhall.bot.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTests {

  private final Redactor redactor = new Redactor();

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      my email is jo.bloggs+bins@example.co.uk thanks | my email is [email] thanks
      EMAIL: O'Brien@Council.Gov.UK.                  | EMAIL: [email].
      write to anwen@enghraifft.cymru or sam@x.io      | write to [email] or [email]
      call me on 07700 900123 please                   | call me on [phone] please
      my mobile is 07700900123                         | my mobile is [phone]
      ring 077-0090-0123                               | ring [phone]
      landline (029) 2087 1234 after 5                 | landline [phone] after 5
      +44 7700 900123                                  | [phone]
      +44 (0)20 7946 0958 is the office                | [phone] is the office
      0044 7700 900123                                 | [phone]
      freephone 0800 123 4567                          | freephone [phone]
      0800 123456 is the line                          | [phone] is the line
      my NI number is QQ 12 34 56 C                    | my NI number is [NI number]
      ni no ab123456d                                  | ni no [NI number]
      card 4111 1111 1111 1111 exp 12/27               | card [card number] exp 12/27
      paid with 5555-5555-5555-4444                    | paid with [card number]
      amex 378282246310005                             | amex [card number]
      card 6011 1111 1111 1117 123 was charged twice   | card [card number] 123 was charged twice
      sort code 12-34-56 account 12345678              | sort code [sort code] account [account number]
      bank 20-00-00 55779911 for the refund            | bank [sort code] [account number] for the refund
      account number: 31926819                         | account number: [account number]
      sortcode 401122                                  | sortcode [sort code]
      my bin at CF10 1EP was not collected             | my bin at CF10 was not collected
      postcode sw1a1aa                                 | postcode SW1A
      EC1A 1BB and m1 1ae                              | EC1A and M1
      """)
  void replacesPersonalData(String message, String expected) {
    assertThat(redactor.redact(message)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "my council tax reference is 1234567890123456",
      "reference 20240312000123 for the pothole",
      "order 98765432109876",
      "the bin was missed on 12-03-24",
      "it costs £1,234,567,890,123 apparently",
      "flat 12 at 3 Church Street",
      "my postcode district is CF10",
      "version 1.2.3.4.5.6.7",
      "call 999 or 111",
      "my account is overdue",
      "I have 3 bins and 2 boxes",
      "email us at the council (at) gov dot uk",
      ""})
  void keepsWordsAndNumbersThatAreNotPersonal(String message) {
    assertThat(redactor.redact(message)).isEqualTo(message);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      ０７７００ ９００１２３                       | [phone]
      call ٠٧٧٠٠٩٠٠١٢٣                            | call [phone]
      07700\u200B900123                            | [phone]
      jo＠example.com                              | [email]
      🙂07700 900123🙂                             | 🙂[phone]🙂
      📧 me@example.com 📞 07700900123 🏠 CF10 1EP  | 📧 [email] 📞 [phone] 🏠 CF10
      """)
  void findsDetailsInOtherScriptsFormsAndBetweenEmoji(String message, String expected) {
    assertThat(redactor.redact(message.replace("\\u200B", "\u200B"))).isEqualTo(expected);
  }

  @Test
  void leavesNothingOfAnEmailWithAVeryLongLocalPart() {
    String address = "a".repeat(200) + "@example.com";
    assertThat(redactor.redact("to " + address)).isEqualTo("to [email]");
  }

  @Test
  void redactsEveryDetailInALongMessage() {
    String line = "bin missed, call 07700 900123 or mail jo@example.com, CF10 1EP. ";
    String redacted = redactor.redact(line.repeat(1600));
    assertThat(redacted).doesNotContain("07700", "jo@", "1EP")
        .isEqualTo("bin missed, call [phone] or mail [email], CF10. ".repeat(1600));
  }

  @ParameterizedTest(name = "{index}")
  @ValueSource(strings = {"a", "a@", "0", "1-", "aa1", "a.", "@a.", "+44 ", "a@b.", "Q1 "})
  void endsOnHundredKilobytesOfNearMatches(String unit) {
    String text = unit.repeat(100_000 / unit.length());
    // A guard against catastrophic backtracking: a hang fails here instead of stalling the build.
    String redacted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact(text));
    assertThat(redacted).isEqualTo(text);
  }

  @Test
  void takesDetailsOutOfHundredKilobytesOfSpacedZeros() {
    String redacted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> redactor.redact("0 ".repeat(50_000)));
    assertThat(redacted).doesNotContain("0 0 0 0 0 0 0 0 0 0 0").startsWith("[card number] [card number]");
  }

  @Test
  void checksCardNumbersWithLuhn() {
    assertThat(Redactor.luhn("4111 1111 1111 1111")).isTrue();
    assertThat(Redactor.luhn("4111 1111 1111 1112")).isFalse();
  }
}
