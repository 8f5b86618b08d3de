package org.townhall.bot.collection;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A full UK postcode, upper case: {@code outward} is the part before the space ("CF10"), {@code
 * inward} the part after it ("1EP").
 *
 * <p>The format is Royal Mail's: outward A9, A99, AA9, AA99, A9A or AA9A, inward 9AA, with the
 * letters each position may hold (the first letter is never Q, V or X; the second never I, J or Z;
 * the letter in A9A is one of ABCDEFGHJKPSTUW; the one in AA9A one of ABEHMNPRVWXY; the inward
 * letters never C, I, K, M, O or V), plus the special GIR 0AA. It says nothing about whether the
 * postcode is in use: only the council's data knows that.
 */
public record Postcode(String outward, String inward) {

  private static final String OUTWARD = "(?:GIR|"
      + "[A-PR-UWYZ][0-9][0-9]?"
      + "|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
      + "|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
      + "|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])";
  private static final String INWARD = "[0-9][ABD-HJLNP-UW-Z]{2}";

  private static final Pattern WHOLE =
      Pattern.compile("(" + OUTWARD + ")(" + INWARD + ")", Pattern.CASE_INSENSITIVE);

  // Letters and digits of any script count as part of a word, so "XCF10 1EP" or "CF10 1EPé" is
  // not a postcode. Up to two spaces or tabs may separate the halves.
  private static final Pattern IN_TEXT = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(" + OUTWARD + ")\\h{0,2}(" + INWARD + ")(?![\\p{L}\\p{N}])",
      Pattern.CASE_INSENSITIVE);

  // Shapes of a near miss, tried on ASCII words only when no valid postcode was found: a word that
  // starts like an outward code ("CF10", "CF1O", "CF101E", "CF101CP"), or a word with letters in
  // place of digits ("CFIO") followed by one that starts like an inward code ("1EP", "IEP").
  private static final Pattern OUTWARD_LIKE = Pattern.compile("[A-Z]{1,2}[0-9][0-9A-Z]{0,5}");
  private static final Pattern OUTWARD_WITH_LOOKALIKES =
      Pattern.compile("[A-Z]{1,2}[0-9IO]{1,2}[A-Z]?");
  private static final Pattern INWARD_LIKE = Pattern.compile("[0-9IO][0-9A-Z]{0,3}");

  // A resident's message is at most a few thousand characters; this bounds the work on anything
  // larger that reaches us some other way.
  private static final int MAX_ATTEMPT_SCAN = 10_000;

  /**
   * @throws IllegalArgumentException if the two parts are not a valid postcode
   */
  public Postcode {
    if (outward == null || inward == null) {
      throw new IllegalArgumentException("A postcode needs both an outward and an inward code");
    }
    outward = outward.strip().toUpperCase(Locale.ROOT);
    inward = inward.strip().toUpperCase(Locale.ROOT);
    boolean girButNot0aa = outward.equals("GIR") && !inward.equals("0AA");
    if (!WHOLE.matcher(outward + inward).matches() || girButNot0aa) {
      throw new IllegalArgumentException("Not a UK postcode: " + outward + " " + inward);
    }
  }

  /**
   * The first valid full postcode in free text, in any case, with or without the space: "my
   * postcode is cf10 1ep please", "CF101EP", "12 Albany Rd, CF24 3AB.". Never part of a longer
   * word or number.
   */
  public static Optional<Postcode> find(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = IN_TEXT.matcher(text);
    while (m.find()) {
      Optional<Postcode> found = of(m.group(1), m.group(2));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the text seems to be a try at a postcode that is not a valid full one: a lone outward
   * code ("CF10"), a short or long inward part ("CF10 1E"), a letter for a digit ("CF1O 1EP"),
   * an inward letter that is never used ("CF10 1CP"). False when {@link #find} finds a postcode,
   * and for text with nothing postcode-shaped in it. Meant for a reply to "what is your postcode?",
   * where a road ("the A1") or a gadget ("MP3") is more likely a slip than in free conversation.
   */
  public static boolean looksLikeAnAttempt(String text) {
    if (text == null || find(text).isPresent()) {
      return false;
    }
    String scanned = text.length() > MAX_ATTEMPT_SCAN ? text.substring(0, MAX_ATTEMPT_SCAN) : text;
    String[] words = scanned.toUpperCase(Locale.ROOT).split("[^A-Z0-9]+");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.length() <= 8 && OUTWARD_LIKE.matcher(word).matches()) {
        return true;
      }
      if (i + 1 < words.length
          && word.length() >= 3
          && OUTWARD_WITH_LOOKALIKES.matcher(word).matches()
          && INWARD_LIKE.matcher(words[i + 1]).matches()) {
        return true;
      }
    }
    return false;
  }

  /** "CF10 1EP". */
  public String formatted() {
    return outward + " " + inward;
  }

  /** The postcode district, i.e. the outward code: "CF10". */
  public String district() {
    return outward;
  }

  /** The postcode sector: the outward code and the inward digit, "CF10 1". */
  public String sector() {
    return outward + " " + inward.charAt(0);
  }

  @Override
  public String toString() {
    return formatted();
  }

  /** A postcode written on its own, e.g. in the council's data: "CF10 1EP", "cf101ep". */
  static Optional<Postcode> parse(String text) {
    Matcher m = WHOLE.matcher(text.strip().replaceAll("\\h+", ""));
    return m.matches() ? of(m.group(1), m.group(2)) : Optional.empty();
  }

  /** An outward code written on its own, e.g. "cf10". */
  static Optional<String> parseDistrict(String text) {
    String outward = text.strip().toUpperCase(Locale.ROOT);
    return Pattern.matches(OUTWARD, outward) && !outward.equals("GIR")
        ? Optional.of(outward)
        : Optional.empty();
  }

  private static Optional<Postcode> of(String outward, String inward) {
    // GIR is only ever followed by 0AA, so "GIR 1AB" is not a postcode.
    return outward.equalsIgnoreCase("GIR") && !inward.equalsIgnoreCase("0AA")
        ? Optional.empty()
        : Optional.of(new Postcode(outward, inward));
  }
}
