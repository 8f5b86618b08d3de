package org.townhall.bot.conversation;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * What a resident leaves for a reply when staff answer after they have gone: an email address, a UK
 * phone number, or both, and optionally a short message. Checked here, once, for every channel; a
 * mistake is a {@link Invalid} with a sentence the resident can act on. Personal data:
 * {@link #toString()} never shows it, so it cannot reach a log by accident.
 *
 * @param email the address as given (trimmed), or null
 * @param phone the number as UK digits from its trunk 0 (e.g. {@code 07700900123}), or null
 * @param message the resident's short message, or null
 */
public record ContactDetails(String email, String phone, String message) {

  /** The longest short message, in characters as people count them. */
  public static final int MAX_MESSAGE = 500;
  /** RFC 5321's longest path, less the brackets. */
  private static final int MAX_EMAIL = 254;

  /** A mistake in what the resident gave, in words they can act on. */
  public static final class Invalid extends RuntimeException {
    private final String field;

    Invalid(String field, String sentence) {
      super(sentence, null, false, false);
      this.field = field;
    }

    /** {@code email}, {@code phone}, {@code message}, or null when the details as a whole are missing. */
    public String field() {
      return field;
    }
  }

  /**
   * Checks and tidies what a resident typed; blank parts count as not given.
   *
   * @throws Invalid when neither an email address nor a phone number is given, or one is malformed
   */
  public static ContactDetails of(String email, String phone, String message) {
    String givenEmail = blankToNull(email);
    String givenPhone = blankToNull(phone);
    String givenMessage = blankToNull(message == null ? null : message.replaceAll("[\\p{Cc}&&[^\\n\\t]]", ""));
    if (givenEmail == null && givenPhone == null) {
      throw new Invalid(null, "Give an email address or a UK phone number (or both), so that we can reply.");
    }
    if (givenMessage != null && givenMessage.codePointCount(0, givenMessage.length()) > MAX_MESSAGE) {
      throw new Invalid("message", "The message is longer than " + MAX_MESSAGE + " characters. Please shorten it.");
    }
    return new ContactDetails(givenEmail == null ? null : checkedEmail(givenEmail),
        givenPhone == null ? null : ukPhone(givenPhone), givenMessage);
  }

  /**
   * An address Jakarta Mail accepts strictly, with nothing around it ({@code Jo <jo@x.uk>} is not
   * an address) and a domain with a dot: what a reply can actually be sent to.
   */
  private static String checkedEmail(String email) {
    String problem = "That email address doesn't look right. Check it and try again, for example name@example.com.";
    if (email.length() > MAX_EMAIL || email.chars().anyMatch(Character::isWhitespace)) {
      throw new Invalid("email", problem);
    }
    try {
      InternetAddress address = new InternetAddress(email, true);
      String domain = email.substring(email.lastIndexOf('@') + 1);
      if (!email.equals(address.getAddress()) || !domain.contains(".") || domain.startsWith(".")
          || domain.endsWith(".")) {
        throw new Invalid("email", problem);
      }
      return email;
    } catch (AddressException e) {
      throw new Invalid("email", problem);
    }
  }

  /**
   * A UK number as Ofcom's plan numbers them: a trunk 0 (or +44 / 0044 instead) and then ten digits
   * for geographic (01, 02), non-geographic (03), mobile (07) and freephone (0800, 0808) numbers, or
   * nine for the few 01 areas that have them. Premium (09) and other ranges are not numbers a council
   * calls back. Spaces, dashes, dots, brackets and a "(0)" after +44 are allowed as people write them.
   */
  static String ukPhone(String phone) {
    String digits = phone.replaceAll("[\\s\\-.()]", "");
    if (digits.startsWith("+44")) {
      digits = "0" + stripTrunk(digits.substring(3));
    } else if (digits.startsWith("0044")) {
      digits = "0" + stripTrunk(digits.substring(4));
    }
    boolean wellFormed = digits.matches("0\\d{9,10}");
    boolean allowed = wellFormed && (digits.length() == 11 && digits.matches("0[1237]\\d+|080[08]\\d+")
        || digits.length() == 10 && digits.startsWith("01"));
    if (!allowed) {
      throw new Invalid("phone", "That doesn't look like a UK phone number. Use a number like 07700 900123 or "
          + "029 2087 2087.");
    }
    return digits;
  }

  /** "+44 (0)20 …" has its trunk 0 in brackets, already removed with them; a bare one is removed here. */
  private static String stripTrunk(String national) {
    return national.startsWith("0") ? national.substring(1) : national;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  /** The address with most of its name hidden ({@code j…@example.com}), for lists and logs. */
  public static String maskEmail(String email) {
    if (email == null) {
      return null;
    }
    int at = email.lastIndexOf('@');
    return email.charAt(0) + "…" + email.substring(at).toLowerCase(Locale.ROOT);
  }

  /** Only the last three digits ({@code …123}), for lists and logs. */
  public static String maskPhone(String phone) {
    return phone == null ? null : "…" + phone.substring(phone.length() - 3);
  }

  @Override
  public String toString() {
    return "ContactDetails[email=" + maskEmail(email) + ", phone=" + maskPhone(phone) + ", message="
        + (message == null ? "none" : "(" + message.length() + " characters)") + "]";
  }
}
