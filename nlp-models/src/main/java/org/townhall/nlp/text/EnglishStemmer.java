package org.townhall.nlp.text;

import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * OpenNLP's Snowball English stemmer, one instance per thread because the Snowball stemmers keep
 * their working buffer in the instance.
 */
final class EnglishStemmer {

  private static final ThreadLocal<SnowballStemmer> STEMMER =
      ThreadLocal.withInitial(() -> new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH));

  private EnglishStemmer() {}

  static String stem(String token) {
    if (token.startsWith("_")) {
      return token; // placeholders such as _postcode_ are already canonical
    }
    return STEMMER.get().stem(token).toString();
  }
}
