package org.townhall.nlp.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * Word n-grams from 1 to {@code maxN}: {@code w=bin}, {@code w=bin|day}, ... Bigrams and trigrams
 * also mark the start and end of the message ({@code ^} and {@code $}), which tells "bin day?"
 * from "...the bin day of my neighbour".
 */
final class WordNGramFeatureGenerator implements FeatureGenerator {

  private final int maxN;

  WordNGramFeatureGenerator(int maxN) {
    this.maxN = maxN;
  }

  @Override
  public Collection<String> extractFeatures(String[] words, Map<String, Object> extraInfo) {
    List<String> features = new ArrayList<>(words.length * maxN + 2);
    for (String word : words) {
      features.add("w=" + word);
    }
    if (maxN < 2 || words.length == 0) {
      return features;
    }
    String[] padded = new String[words.length + 2];
    padded[0] = "^";
    System.arraycopy(words, 0, padded, 1, words.length);
    padded[padded.length - 1] = "$";
    for (int n = 2; n <= maxN; n++) {
      for (int i = 0; i + n <= padded.length; i++) {
        StringBuilder gram = new StringBuilder("w=").append(padded[i]);
        for (int j = i + 1; j < i + n; j++) {
          gram.append('|').append(padded[j]);
        }
        features.add(gram.toString());
      }
    }
    return features;
  }
}
