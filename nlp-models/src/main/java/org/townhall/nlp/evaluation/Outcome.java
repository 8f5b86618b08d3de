package org.townhall.nlp.evaluation;

import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.Verdict;

/**
 * One classified test message: its true label, the model's best guess and confidence, and the
 * label the bot effectively chose ({@code oos} when the thresholds reject the message).
 *
 * @param truth the true intent, or {@code oos}
 * @param best the model's best intent (possibly {@code oos})
 * @param confidence the best intent's calibrated confidence
 * @param certainty what the thresholds compare ({@link Thresholds#certainty})
 * @param verdict what the thresholds made of it
 */
public record Outcome(String truth, String best, double confidence, double certainty,
    Verdict verdict) {

  static Outcome of(LabeledText example, Classification classification, Thresholds thresholds) {
    IntentScore top = classification.best();
    return new Outcome(example.intent(), top.intent(), top.confidence(),
        Thresholds.certainty(classification), thresholds.decide(classification));
  }

  /** The bot's effective label: the best intent, unless rejected ({@code oos}). */
  public String predicted() {
    return verdict == Verdict.REJECT ? LabeledText.OUT_OF_SCOPE : best;
  }

  public boolean truthOutOfScope() {
    return LabeledText.OUT_OF_SCOPE.equals(truth);
  }

  /** The same message judged under other thresholds (as {@link Thresholds#decide} would). */
  public Outcome under(Thresholds thresholds) {
    boolean oos = LabeledText.OUT_OF_SCOPE.equals(best);
    Verdict v = oos || certainty < thresholds.clarify() ? Verdict.REJECT
        : certainty >= thresholds.answer() ? Verdict.ANSWER : Verdict.CLARIFY;
    return new Outcome(truth, best, confidence, certainty, v);
  }
}
