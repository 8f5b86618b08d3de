package org.townhall.nlp.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Character n-grams inside each word, with {@code #} marking the word's edges: "colection" and
 * "collection" share most of {@code c=#co}, {@code c=col}, ..., {@code c=on#}, so a typo still
 * finds its intent. Placeholder tokens ({@code _num_}) are skipped: their word feature suffices.
 */
final class CharNGramFeatureGenerator implements FeatureGenerator {

  private final int minN;
  private final int maxN;

  CharNGramFeatureGenerator(int minN, int maxN) {
    this.minN = minN;
    this.maxN = maxN;
  }

  @Override
  public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInfo) {
    List<String> features = new ArrayList<>();
    for (String word : words) {
      if (word.startsWith("_")) {
        continue;
      }
      String marked = "#" + word + "#";
      for (int n = minN; n <= maxN; n++) {
        for (int i = 0; i + n <= marked.length(); i++) {
          features.add("c=" + marked.substring(i, i + n));
        }
      }
    }
    return features;
  }
}
