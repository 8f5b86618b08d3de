package org.townhall.bot.privacy;

import java.text.Normalizer;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Takes personal data out of a resident's message, leaving words an editor can read: an email
 * address becomes {@value #EMAIL}, a UK phone number {@value #PHONE}, a National Insurance number
 * {@value #NI_NUMBER}, a payment card number {@value #CARD}, a sort code {@value #SORT_CODE}, an
 * account number {@value #ACCOUNT}, and a full postcode its district ("CF10 1EP" becomes "CF10").
 *
 * <p>The text is first put in one form (Unicode NFKC, digits of any script as 0–9, invisible
 * characters such as zero-width spaces removed), so "０７７００ ９００１２３" or a number with a
 * zero-width space in it is found too; the result is in that form. What it does not find: details
 * spelt out in words ("name at example dot com", "oh seven seven…"), names and street addresses.
 * Every pattern is bounded, so the time grows with the length of the text, never faster.
 * Thread-safe.
 */
@Component
public final class Redactor {

  public static final String EMAIL = "[email]";
  public static final String PHONE = "[phone]";
  public static final String NI_NUMBER = "[NI number]";
  public static final String CARD = "[card number]";
  public static final String SORT_CODE = "[sort code]";
  public static final String ACCOUNT = "[account number]";

  private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE;
  private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u180E\\u200B-\\u200D\\u2060\\uFEFF]");
  private static final Pattern EMAIL_ADDRESS = Pattern.compile(
      "[\\p{L}\\p{N}._%+'-]{1,256}@(?:[\\p{L}\\p{N}-]{1,63}\\.){1,8}\\p{L}{2,24}(?![\\p{L}\\p{N}])", FLAGS);
  /** 13 to 19 digits, single spaces or dashes between them; which are a card decides the Luhn check. */
  private static final Pattern DIGIT_RUN = Pattern.compile("(?<![\\d.,/])\\d(?:[ -]?\\d){12,18}(?![\\d])");
  private static final Pattern SORT_CODE_NAMED = Pattern.compile(
      "\\bsort[ -]?code\\b[\\s:.#-]{0,5}(?:is\\s{1,3})?(\\d{2}[ -]?\\d{2}[ -]?\\d{2})(?!\\d)", FLAGS);
  private static final Pattern SORT_CODE_AND_ACCOUNT = Pattern.compile(
      "(?<![\\d.,/])(\\d{2}[ -]?\\d{2}[ -]?\\d{2})[ ,;:/-]{1,3}(\\d{8})(?!\\d)");
  private static final Pattern ACCOUNT_NAMED = Pattern.compile(
      "\\bacc(?:oun)?t\\.?(?:\\s{0,3}(?:no\\.?|number|num|#))?[\\s:.#-]{0,5}(?:is\\s{1,3})?(\\d{8})(?!\\d)", FLAGS);
  /** Two letters, six digits, a letter A–D (HMRC's own example "QQ 12 34 56 C" included). */
  private static final Pattern NI = Pattern.compile(
      "(?<![\\p{L}\\p{N}])[a-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[a-d](?![\\p{L}\\p{N}])", FLAGS);
  /** 0 and nine or ten more digits (mobiles, landlines, 0800…), a separator or two between digits. */
  private static final Pattern PHONE_NATIONAL = Pattern.compile(
      "(?<![\\p{L}\\p{N}+])\\(?0(?:[ .()-]{0,2}\\d){9,10}(?!\\d)");
  private static final Pattern PHONE_INTERNATIONAL = Pattern.compile(
      "(?<![\\p{L}\\p{N}])(?:\\+|00) ?44 ?(?:\\(0\\) ?)?(?:[ .()-]{0,2}\\d){9,10}(?!\\d)");
  private static final Pattern POSTCODE = Pattern.compile(
      "(?<![\\p{L}\\p{N}])([a-z]{1,2}\\d[a-z\\d]?) ?(\\d[a-z]{2})(?![\\p{L}\\p{N}])", FLAGS);

  /**
   * The message with its personal data replaced.
   *
   * @param text a resident's message (any length); must not be null
   * @return the redacted text, never null
   */
  public String redact(String text) {
    String s = oneForm(text);
    if (s.indexOf('@') >= 0) {
      s = EMAIL_ADDRESS.matcher(s).replaceAll(EMAIL);
    }
    // Bank details before cards: a sort code and account number together are 14 digits too.
    s = replace(s, SORT_CODE_AND_ACCOUNT, m -> SORT_CODE + " " + ACCOUNT);
    s = replace(s, DIGIT_RUN, Redactor::cardOrKept);
    s = replaceGroup(s, SORT_CODE_NAMED, SORT_CODE);
    s = replaceGroup(s, ACCOUNT_NAMED, ACCOUNT);
    s = NI.matcher(s).replaceAll(NI_NUMBER);
    s = PHONE_INTERNATIONAL.matcher(s).replaceAll(PHONE);
    s = PHONE_NATIONAL.matcher(s).replaceAll(PHONE);
    return replace(s, POSTCODE, m -> m.group(1).toUpperCase(Locale.ROOT));
  }

  private static String oneForm(String text) {
    String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(normal.length());
    normal.codePoints().forEach(c -> {
      if (Character.isDigit(c)) {
        out.append((char) ('0' + Character.digit(c, 10)));
      } else {
        out.appendCodePoint(c);
      }
    });
    return INVISIBLE.matcher(out).replaceAll("");
  }

  /**
   * A run of digits is a card when all of it, or all of it up to a space or dash (a card number
   * with its security code after it), passes the Luhn check; otherwise it is kept as written.
   */
  private static String cardOrKept(MatchResult m) {
    String run = m.group();
    for (int end = run.length(); end > 0; end = lastGroupEnd(run, end)) {
      String candidate = run.substring(0, end);
      int digits = candidate.replaceAll("\\D", "").length();
      if (digits >= 13 && digits <= 19 && luhn(candidate)) {
        return CARD + run.substring(end);
      }
    }
    return run;
  }

  private static int lastGroupEnd(String run, int before) {
    for (int i = before - 1; i > 0; i--) {
      if (!Character.isDigit(run.charAt(i))) {
        return i;
      }
    }
    return 0;
  }

  static boolean luhn(String number) {
    int sum = 0;
    boolean doubled = false;
    for (int i = number.length() - 1; i >= 0; i--) {
      char c = number.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int d = c - '0';
      if (doubled) {
        d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      }
      sum += d;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  private static String replace(String s, Pattern pattern, Function<MatchResult, String> with) {
    return pattern.matcher(s).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
  }

  /** Replaces only the pattern's first group, keeping the words that named it ("sort code [sort code]"). */
  private static String replaceGroup(String s, Pattern pattern, String placeholder) {
    return replace(s, pattern, m -> m.group().substring(0, m.start(1) - m.start()) + placeholder
        + m.group().substring(m.end(1) - m.start()));
  }
}
