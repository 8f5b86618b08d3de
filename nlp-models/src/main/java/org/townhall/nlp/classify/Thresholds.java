package org.townhall.nlp.classify;

/**
 * The two thresholds on a message's {@linkplain #certainty certainty}: answer at or above
 * {@code answer}; between the two, clarify; below {@code clarify}, or when the best guess is out
 * of scope, reject.
 *
 * @param answer certainty at or above which the bot answers
 * @param clarify certainty at or above which the bot offers choices; at most {@code answer}
 */
public record Thresholds(double answer, double clarify) {

  public Thresholds {
    if (!(0 <= clarify && clarify <= answer && answer <= 1)) {
      throw new IllegalArgumentException(
          "thresholds need 0 <= clarify <= answer <= 1, got answer=" + answer + " clarify=" + clarify);
    }
  }

  public Verdict decide(Classification classification) {
    if (classification.best().outOfScope()) {
      return Verdict.REJECT;
    }
    double certainty = certainty(classification);
    if (certainty < clarify) {
      return Verdict.REJECT;
    }
    return certainty >= answer ? Verdict.ANSWER : Verdict.CLARIFY;
  }

  /**
   * What the thresholds compare: the best intent's confidence minus the out-of-scope
   * confidence, or 0 when the best guess is out of scope. For a model without {@code oos} it is
   * simply the best confidence. Subtracting {@code oos} makes a message that is nearly as likely
   * "not ours" less certain than one whose runner-up is another intent: on CLINC150 validation
   * data it turns away fewer in-scope messages at the same out-of-scope recall (docs/nlu.md).
   */
  public static double certainty(Classification classification) {
    IntentScore best = classification.best();
    if (best.outOfScope()) {
      return 0;
    }
    double outOfScope = 0;
    for (IntentScore score : classification.ranked()) {
      if (score.outOfScope()) {
        outOfScope = score.confidence();
        break;
      }
    }
    return Math.max(0, best.confidence() - outOfScope);
  }
}
