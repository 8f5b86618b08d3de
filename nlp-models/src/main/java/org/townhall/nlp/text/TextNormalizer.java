package org.townhall.nlp.text;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns a raw message into normalised tokens: Unicode-compatibility folding, lower case, UK
 * postcodes as {@value #POSTCODE}, numbers as {@value #NUMBER}, contractions expanded, punctuation
 * and symbols dropped. Used identically for training phrases and for incoming messages.
 *
 * <p>Stateless and thread-safe. Never throws for a non-null string; input past {@value
 * #MAX_CHARS} characters is cut, so a huge message costs no more than a long one.
 */
public final class TextNormalizer {

  /** Token that replaces a UK postcode, so "SW1A 1AA" and "LS1 4DY" look alike. */
  public static final String POSTCODE = "_postcode_";
  /** Token that replaces a number. */
  public static final String NUMBER = "_num_";
  /** Token that replaces an ordinal such as "3rd". */
  public static final String ORDINAL = "_ord_";
  /** Token that replaces a currency symbol. */
  public static final String CURRENCY = "_currency_";
  /** Messages are cut to this many characters before any work. */
  public static final int MAX_CHARS = 1_000;
  /** At most this many tokens are kept. */
  public static final int MAX_TOKENS = 100;

  private static final Pattern POSTCODE_PATTERN =
      Pattern.compile("\\b[a-z]{1,2}[0-9][a-z0-9]?\\s*[0-9][a-z]{2}\\b");
  private static final Pattern NUMBER_PATTERN = Pattern.compile("[0-9]+(?:[.,:][0-9]+)*");
  private static final Pattern ORDINAL_PATTERN = Pattern.compile("[0-9]+(?:st|nd|rd|th)");

  private TextNormalizer() {}

  /** The normalised tokens of {@code raw}; empty for blank, emoji-only or symbol-only text. */
  public static List<String> tokens(String raw) {
    return tokens(raw, true);
  }

  /**
   * As {@link #tokens(String)}; without English contractions and shorthand expanded when {@code
   * english} is false ("im" is Welsh "i'm", to my, not "I am"), apostrophes kept inside words.
   */
  public static List<String> tokens(String raw, boolean english) {
    String text = fold(raw);
    text = POSTCODE_PATTERN.matcher(text).replaceAll(" " + POSTCODE + " ");
    List<String> tokens = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < text.length() && tokens.size() < MAX_TOKENS; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c) || c == '\'' || c == '_' || isMark(c)
          || isNumberSeparator(text, i)) {
        word.append(c);
      } else {
        flush(word, tokens, english);
        if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
          tokens.add(CURRENCY);
        }
      }
    }
    flush(word, tokens, english);
    return tokens.size() > MAX_TOKENS ? tokens.subList(0, MAX_TOKENS) : tokens;
  }

  /** The normalised tokens joined by single spaces. */
  public static String normalize(String raw) {
    return String.join(" ", tokens(raw));
  }

  private static String fold(String raw) {
    String text = raw.length() > MAX_CHARS ? cut(raw) : raw;
    text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
  }

  private static String cut(String raw) {
    int end = MAX_CHARS;
    if (Character.isHighSurrogate(raw.charAt(end - 1))) {
      end--;
    }
    return raw.substring(0, end);
  }

  /** The "," in "1,250" or the "." in "2.5" or the ":" in "10:30" keeps a number together. */
  private static boolean isNumberSeparator(String text, int i) {
    char c = text.charAt(i);
    return (c == ',' || c == '.' || c == ':') && i > 0 && i + 1 < text.length()
        && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1));
  }

  private static boolean isMark(char c) {
    int type = Character.getType(c);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static void flush(StringBuilder word, List<String> tokens, boolean english) {
    if (word.length() == 0) {
      return;
    }
    String token = strip(word.toString());
    word.setLength(0);
    if (token.isEmpty()) {
      return;
    }
    if (ORDINAL_PATTERN.matcher(token).matches()) {
      tokens.add(ORDINAL);
    } else if (NUMBER_PATTERN.matcher(token).matches()) {
      tokens.add(NUMBER);
    } else if (english) {
      Contractions.expand(token, tokens);
    } else {
      tokens.add(token);
    }
  }

  private static String strip(String token) {
    int start = 0;
    int end = token.length();
    while (start < end && token.charAt(start) == '\'') {
      start++;
    }
    while (end > start && token.charAt(end - 1) == '\'') {
      end--;
    }
    return token.substring(start, end);
  }
}
