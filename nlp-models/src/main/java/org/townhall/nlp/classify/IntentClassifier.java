package org.townhall.nlp.classify;

/**
 * Tells which intent a resident's message means.
 *
 * <p>Implementations are thread-safe and never throw for any input string: empty, huge, binary or
 * foreign text gets a low-confidence (or {@code oos}) classification instead.
 */
public interface IntentClassifier {

  /**
   * @param text the message; must not be null
   * @return the ranked intents, best first
   */
  Classification classify(String text);
}
