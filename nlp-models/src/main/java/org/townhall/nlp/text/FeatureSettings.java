package org.townhall.nlp.text;

/**
 * Which features a message yields. Stored with a trained model, because a model only understands
 * the features it was trained on.
 *
 * @param stem reduce words to their Snowball (English) stems before building word n-grams
 * @param wordNGrams longest word n-gram, 1 (bag of words) to 3
 * @param charNGramMin shortest character n-gram within a word (with word-boundary marks)
 * @param charNGramMax longest character n-gram; 0 turns character n-grams off
 * @param normalize give each feature of a kind (words, characters) the value 1/sqrt(n), n being
 *     how many features of that kind the message has, so long messages do not weigh more and
 *     the many character n-grams do not drown the few words; false gives every feature value 1
 * @param wordVectorLength length of the message's average word vector ({@link WordVectors}) as
 *     features, one per dimension; 0 leaves word vectors out
 * @param language {@code en}: English contractions and chat shorthand expanded, Snowball English
 *     stems; {@code cy}: Welsh clitics written out, accents dropped, and each word's mutation key
 *     ({@link WelshText}) as a feature beside the word (no stemming: the English stemmer would only
 *     damage Welsh words)
 */
public record FeatureSettings(boolean stem, int wordNGrams, int charNGramMin, int charNGramMax,
    boolean normalize, double wordVectorLength, String language) {

  /** The languages whose words features know how to read. */
  public static final java.util.Set<String> LANGUAGES = java.util.Set.of("en", "cy");

  /** English settings (every model trained before the language was a setting is English). */
  public FeatureSettings(boolean stem, int wordNGrams, int charNGramMin, int charNGramMax,
      boolean normalize, double wordVectorLength) {
    this(stem, wordNGrams, charNGramMin, charNGramMax, normalize, wordVectorLength, "en");
  }

  public boolean welsh() {
    return "cy".equals(language);
  }

  /**
   * Whether some features have values other than 1, so that training must keep the values
   * (OpenNLP's plain data indexers drop them).
   */
  public boolean realValued() {
    return normalize || wordVectorLength > 0;
  }

  /** Settings without word vectors. */
  public FeatureSettings(boolean stem, int wordNGrams, int charNGramMin, int charNGramMax,
      boolean normalize) {
    this(stem, wordNGrams, charNGramMin, charNGramMax, normalize, 0);
  }

  public FeatureSettings {
    if (wordNGrams < 1 || wordNGrams > 3) {
      throw new IllegalArgumentException("wordNGrams must be 1 to 3, got " + wordNGrams);
    }
    if (charNGramMax != 0 && (charNGramMin < 1 || charNGramMin > charNGramMax)) {
      throw new IllegalArgumentException(
          "need 1 <= charNGramMin <= charNGramMax (or charNGramMax 0), got "
              + charNGramMin + ".." + charNGramMax);
    }
    if (!LANGUAGES.contains(language)) {
      throw new IllegalArgumentException("language must be one of " + LANGUAGES + ", got " + language);
    }
    if (!(wordVectorLength >= 0) || Double.isInfinite(wordVectorLength)) {
      throw new IllegalArgumentException("wordVectorLength must be 0 or more, got " + wordVectorLength);
    }
  }
}
