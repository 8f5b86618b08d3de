package org.townhall.nlp.evaluation;

import java.util.List;
import java.util.TreeSet;
import org.townhall.nlp.classify.Thresholds;

/**
 * Chooses the two thresholds on validation outcomes (never on test data).
 *
 * <ul>
 *   <li>{@code clarify}, the rejection threshold, maximises in-scope accuracy plus out-of-scope
 *       recall (each a rate, so both kinds of mistake count whatever the class sizes); without
 *       out-of-scope examples, it maximises in-scope accuracy, which keeps it at the lowest
 *       candidate. Ties go to the lowest threshold.
 *   <li>{@code answer} is the lowest threshold at or above {@code clarify} at which the answered
 *       messages are right at least {@code answerPrecision} of the time, so that the messages
 *       below it are offered as choices instead of a possibly wrong answer.
 * </ul>
 */
public final class ThresholdTuner {

  private ThresholdTuner() {}

  public static Thresholds tune(List<Outcome> validation, double answerPrecision) {
    TreeSet<Double> candidates = new TreeSet<>();
    candidates.add(0.0);
    for (Outcome o : validation) {
      candidates.add(round(o.confidence()));
    }
    double bestClarify = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (double t : candidates) {
      Metrics m = Metrics.of(under(validation, new Thresholds(t, t)));
      double score = nanToZero(m.inScopeAccuracy()) + nanToZero(m.oosRecall());
      if (score > bestScore + 1e-12) {
        bestScore = score;
        bestClarify = t;
      }
    }
    for (double t : candidates.tailSet(bestClarify, true)) {
      Metrics m = Metrics.of(under(validation, new Thresholds(t, bestClarify)));
      if (Double.isNaN(m.answeredPrecision()) || m.answeredPrecision() >= answerPrecision) {
        return new Thresholds(t, bestClarify);
      }
    }
    return new Thresholds(1.0, bestClarify);
  }

  static List<Outcome> under(List<Outcome> outcomes, Thresholds thresholds) {
    return outcomes.stream().map(o -> o.under(thresholds)).toList();
  }

  private static double round(double confidence) {
    return Math.round(confidence * 1000) / 1000.0;
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
