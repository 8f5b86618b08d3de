package org.townhall.bot.learning;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import org.townhall.nlp.text.TextNormalizer;

/**
 * The key near-duplicate messages share: their words as the classifier reads them (the same
 * {@link TextNormalizer}), stemmed, without a few words that carry no meaning, unique and sorted. So
 * "My bin wasn't collected!" and "bins not collected" may differ, but "bin not collected" and "Bin
 * not collected." and "not collected bin" are one group.
 */
final class GroupKeys {

  private static final Set<String> FILLER = Set.of("a", "an", "the", "my", "i", "me", "is", "was", "are", "it",
      "to", "of", "for", "on", "in", "please", "hi", "hello", "thanks", "thank", "you");

  private GroupKeys() {}

  static String of(String redactedText) {
    SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);
    Set<String> stems = new TreeSet<>();
    for (String token : TextNormalizer.tokens(redactedText)) {
      if (!FILLER.contains(token)) {
        stems.add(stemmer.stem(token).toString());
      }
    }
    // Emoji or symbols only: such messages group by exactly what they are.
    return stems.isEmpty() ? "=" + redactedText.strip().toLowerCase(Locale.ROOT) : String.join(" ", stems);
  }
}
