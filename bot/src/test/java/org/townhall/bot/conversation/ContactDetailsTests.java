package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What residents may leave for a reply: a usable email address, a UK phone number, a short message. */
class ContactDetailsTests {

  @ParameterizedTest
  @CsvSource({
      "07700 900123, 07700900123",
      "+44 7700 900123, 07700900123",
      "+44 (0)29 2087 2087, 02920872087",
      "0044 20 7946 0958, 02079460958",
      "(029) 2087-2087, 02920872087",
      "0300 000 0000, 03000000000",
      "0800 123 4567, 08001234567",
      "016977 3456, 0169773456"})
  void acceptsUkNumbersAsPeopleWriteThem(String typed, String kept) {
    assertThat(ContactDetails.of(null, typed, null).phone()).isEqualTo(kept);
  }

  @ParameterizedTest
  @ValueSource(strings = {"12345", "0770090012", "077009001234", "09012 345678", "+1 202 555 0143",
      "07700 9001x3", "0207 946 095", "tel:07700900123", "٠٧٧٠٠٩٠٠١٢٣"})
  void refusesWhatIsNotAUkNumberACouncilCalls(String typed) {
    assertThatThrownBy(() -> ContactDetails.of(null, typed, null))
        .isInstanceOfSatisfying(ContactDetails.Invalid.class, e -> {
          assertThat(e.field()).isEqualTo("phone");
          assertThat(e.getMessage()).contains("UK phone number").contains("07700 900123");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"resident@example.org", "jo.bloggs+council@mail.example.co.uk"})
  void acceptsAddressesRepliesCanBeSentTo(String email) {
    assertThat(ContactDetails.of(" " + email + " ", null, null).email()).isEqualTo(email);
  }

  @ParameterizedTest
  @ValueSource(strings = {"resident", "resident@", "@example.org", "resident@example", "Jo <jo@example.org>",
      "jo @example.org", "jo@example..org", "jo@.example.org", "jo@example.org.", "a@b@example.org"})
  void refusesAddressesThatCannotBeWrittenTo(String email) {
    assertThatThrownBy(() -> ContactDetails.of(email, null, null))
        .isInstanceOfSatisfying(ContactDetails.Invalid.class, e -> {
          assertThat(e.field()).isEqualTo("email");
          assertThat(e.getMessage()).contains("email address doesn't look right");
        });
  }

  @Test
  void needsAnEmailAddressOrAPhoneNumber() {
    assertThatThrownBy(() -> ContactDetails.of(" ", "", "call me please"))
        .isInstanceOfSatisfying(ContactDetails.Invalid.class, e -> assertThat(e.field()).isNull())
        .hasMessageContaining("email address or a UK phone number");
  }

  @Test
  void keepsAShortMessageAndRefusesALongOne() {
    assertThat(ContactDetails.of("jo@example.org", null, " Best after 5pm 📞 ").message()).isEqualTo("Best after 5pm 📞");
    String emoji = "📞".repeat(ContactDetails.MAX_MESSAGE);
    assertThat(ContactDetails.of("jo@example.org", null, emoji).message()).as("counted as people count").isEqualTo(emoji);
    assertThatThrownBy(() -> ContactDetails.of("jo@example.org", null, emoji + "x"))
        .isInstanceOfSatisfying(ContactDetails.Invalid.class, e -> assertThat(e.field()).isEqualTo("message"));
  }

  @Test
  void neverShowsTheDetailsWhenPrinted() {
    ContactDetails details = ContactDetails.of("resident@example.org", "07700 900123", "secret words");
    assertThat(details.toString()).doesNotContain("resident@", "900123", "secret").contains("r…@example.org", "…123");
  }
}
