package org.townhall.nlp.classify;

/**
 * An intent and the classifier's confidence in it.
 *
 * @param intent intent id, possibly {@link LabeledText#OUT_OF_SCOPE}
 * @param confidence calibrated probability in [0, 1]
 */
public record IntentScore(String intent, double confidence) {

  public boolean outOfScope() {
    return LabeledText.OUT_OF_SCOPE.equals(intent);
  }
}
