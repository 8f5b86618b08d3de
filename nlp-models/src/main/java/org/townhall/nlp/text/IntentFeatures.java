package org.townhall.nlp.text;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import opennlp.tools.doccat.FeatureGenerator;

/**
 * The features of one message: normalised tokens, stemmed word n-grams, character n-grams,
 * optionally the message's average word vector ({@link WordVectors}), and a constant bias
 * feature (so the model learns each intent's prior, and a message with no known feature falls
 * back to it). The same instance serves training and classification.
 *
 * <p>Immutable and thread-safe.
 */
public final class IntentFeatures {

  /** Present in every message. */
  public static final String BIAS = "bias";

  private final FeatureSettings settings;
  private final FeatureGenerator words;
  private final FeatureGenerator chars;
  /** Null when the settings leave word vectors out. */
  private final WordVectors vectors;
  /** "v=0", "v=1", …: one feature per vector dimension, its value the message's coordinate. */
  private final String[] vectorNames;

  public IntentFeatures(FeatureSettings settings) {
    this.settings = settings;
    this.words = new WordNGramFeatureGenerator(settings.wordNGrams());
    this.chars = settings.charNGramMax() == 0
        ? (tokens, extra) -> List.of()
        : new CharNGramFeatureGenerator(settings.charNGramMin(), settings.charNGramMax());
    this.vectors = settings.wordVectorLength() == 0 ? null : WordVectors.english();
    this.vectorNames = new String[vectors == null ? 0 : vectors.dimensions()];
    for (int d = 0; d < vectorNames.length; d++) {
      vectorNames[d] = "v=" + d;
    }
  }

  public FeatureSettings settings() {
    return settings;
  }

  /** {@link WordVectors#id()} of the vectors in use, or "" without word vectors. */
  public String wordVectorsId() {
    return vectors == null ? "" : vectors.id();
  }

  /**
   * The value of each feature: all 1, or 1/sqrt(n) per kind when {@link
   * FeatureSettings#normalize()} is set ({@link #BIAS} stays 1).
   */
  float[] values(String[] extracted) {
    float[] values = new float[extracted.length];
    Arrays.fill(values, 1f);
    if (!settings.normalize()) {
      return values;
    }
    int words = 0;
    int chars = 0;
    for (String feature : extracted) {
      words += feature.startsWith("w=") ? 1 : 0;
      chars += feature.startsWith("c=") ? 1 : 0;
    }
    float wordValue = words == 0 ? 0 : (float) (1 / Math.sqrt(words));
    float charValue = chars == 0 ? 0 : (float) (1 / Math.sqrt(chars));
    for (int i = 0; i < extracted.length; i++) {
      if (extracted[i].startsWith("w=")) {
        values[i] = wordValue;
      } else if (extracted[i].startsWith("c=")) {
        values[i] = charValue;
      }
    }
    return values;
  }

  /** The features of one message and their values, as OpenNLP's models take them. */
  public record Message(String[] names, float[] values) {}

  /** The features of {@code text} with their values; never throws. */
  public Message of(String text) {
    String[] tokens = tokens(text);
    String[] names = extract(tokens);
    float[] values = values(names);
    if (vectors == null) {
      return new Message(names, values);
    }
    float[] average = new float[vectors.dimensions()];
    if (!vectors.average(tokens, average)) {
      return new Message(names, values); // no known word: the other features must do
    }
    String[] allNames = Arrays.copyOf(names, names.length + average.length);
    float[] allValues = Arrays.copyOf(values, values.length + average.length);
    for (int d = 0; d < average.length; d++) {
      allNames[names.length + d] = vectorNames[d];
      allValues[names.length + d] = (float) (average[d] * settings.wordVectorLength());
    }
    return new Message(allNames, allValues);
  }

  /** The distinct features of {@code text}, always including {@link #BIAS}; never throws. */
  public String[] extract(String text) {
    return extract(tokens(text));
  }

  /** The message's words as its language reads them (see {@link FeatureSettings#language()}). */
  private String[] tokens(String text) {
    if (!settings.welsh()) {
      return TextNormalizer.tokens(text).toArray(String[]::new);
    }
    List<String> words = new java.util.ArrayList<>();
    for (String token : TextNormalizer.tokens(text, false)) {
      for (String word : WelshText.words(WelshText.withoutAccents(token))) {
        if (!word.isEmpty()) {
          words.add(word);
        }
      }
    }
    return words.toArray(String[]::new);
  }

  private String[] extract(String[] tokens) {
    if (settings.welsh()) {
      return extractWelsh(tokens);
    }
    String[] stems = tokens;
    if (settings.stem()) {
      stems = new String[tokens.length];
      for (int i = 0; i < tokens.length; i++) {
        stems[i] = EnglishStemmer.stem(tokens[i]);
      }
    }
    Map<String, Object> none = Collections.emptyMap();
    Set<String> features = new LinkedHashSet<>();
    features.add(BIAS);
    features.addAll(words.extractFeatures(stems, none));
    features.addAll(chars.extractFeatures(tokens, none));
    return features.toArray(String[]::new);
  }

  /**
   * Welsh: word n-grams of the words as typed, and of their mutation keys ("fy nhreth" and "treth"
   * share "w=dreth"-like features through the keys), and character n-grams of the words.
   */
  private String[] extractWelsh(String[] tokens) {
    String[] keys = new String[tokens.length];
    for (int i = 0; i < tokens.length; i++) {
      keys[i] = "m:" + WelshText.mutationKey(tokens[i]);
    }
    Map<String, Object> none = Collections.emptyMap();
    Set<String> features = new LinkedHashSet<>();
    features.add(BIAS);
    features.addAll(words.extractFeatures(tokens, none));
    features.addAll(words.extractFeatures(keys, none));
    features.addAll(chars.extractFeatures(tokens, none));
    return features.toArray(String[]::new);
  }
}
