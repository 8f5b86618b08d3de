package org.townhall.bot.conversation;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The words a conversation can be found by, made the same way at commit time and from a search box:
 * runs of letters and digits, lower case, accents dropped ("Café" is {@code cafe}), 2 to 40
 * characters. Only what people wrote counts, the resident's lines and staff's replies: the bot's and
 * the service's lines are the same few sentences in every conversation and would match them all.
 */
final class SearchWords {

  /** A conversation keeps at most about this many distinct words (the store stops adding once past it). */
  static final int KEPT_PER_CONVERSATION = 2_000;

  private static final int SHORTEST = 2;
  private static final int LONGEST = 40;
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern BETWEEN_WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

  private SearchWords() {}

  static Set<String> of(String text) {
    Set<String> words = new LinkedHashSet<>();
    if (text == null) {
      return words;
    }
    String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
    for (String word : BETWEEN_WORDS.split(plain)) {
      if (word.length() >= SHORTEST && word.length() <= LONGEST) {
        words.add(word);
      }
    }
    return words;
  }

  /** The words of the lines people wrote among {@code lines}. */
  static Set<String> of(List<TranscriptEntry> lines) {
    Set<String> words = new LinkedHashSet<>();
    for (TranscriptEntry line : lines) {
      if (line.from() == Sender.RESIDENT || line.from() == Sender.AGENT) {
        words.addAll(of(line.text()));
      }
    }
    return words;
  }
}
