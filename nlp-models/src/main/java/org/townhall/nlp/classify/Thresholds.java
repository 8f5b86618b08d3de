package org.townhall.nlp.classify;

/**
 * The two confidence thresholds: answer at or above {@code answer}; between the two, clarify;
 * below {@code clarify}, or when the best guess is out of scope, reject.
 *
 * @param answer confidence at or above which the bot answers
 * @param clarify confidence at or above which the bot offers choices; at most {@code answer}
 */
public record Thresholds(double answer, double clarify) {

  public Thresholds {
    if (!(0 <= clarify && clarify <= answer && answer <= 1)) {
      throw new IllegalArgumentException(
          "thresholds need 0 <= clarify <= answer <= 1, got answer=" + answer + " clarify=" + clarify);
    }
  }

  public Verdict decide(Classification classification) {
    IntentScore best = classification.best();
    if (best.outOfScope() || best.confidence() < clarify) {
      return Verdict.REJECT;
    }
    return best.confidence() >= answer ? Verdict.ANSWER : Verdict.CLARIFY;
  }
}
