package org.townhall.nlp.evaluation;

import java.util.List;
import java.util.TreeSet;
import org.townhall.nlp.classify.Thresholds;

/**
 * Chooses the two thresholds on validation outcomes (never on test data).
 *
 * <ul>
 *   <li>{@code clarify}, the rejection threshold, depends on the {@link Goal}. With a minimum
 *       out-of-scope recall R it is the lowest threshold that rejects at least R of the validation
 *       out-of-scope messages, so as few in-scope messages as possible are turned away. With a
 *       minimum in-scope accuracy A it is the highest threshold that keeps at least A of the
 *       validation in-scope messages right and not rejected, so as many out-of-scope messages as
 *       possible are turned away. "Balanced"
 *       maximises in-scope accuracy plus out-of-scope recall instead (each a rate, so both kinds
 *       of mistake weigh the same whatever the class sizes). Without out-of-scope examples both
 *       maximise in-scope accuracy. Ties go to the lowest threshold.
 *   <li>{@code answer} is the lowest threshold at or above {@code clarify} at which answered
 *       messages are right at least {@link Goal#answerPrecision()} of the time; the messages
 *       between the two are offered as choices instead of a possibly wrong answer.
 * </ul>
 */
public final class ThresholdTuner {

  /**
   * What the thresholds should achieve on validation data.
   *
   * @param minOosRecall the share of out-of-scope messages to reject, or NaN
   * @param minInScopeAccuracy the share of in-scope messages to keep right, or NaN; both NaN
   *     means "balanced"
   * @param answerPrecision how often an answered message must be right
   */
  public record Goal(double minOosRecall, double minInScopeAccuracy, double answerPrecision) {

    public Goal(double minOosRecall, double answerPrecision) {
      this(minOosRecall, Double.NaN, answerPrecision);
    }

    /** Parses {@code balanced}, {@code oos-recall:R} or {@code in-scope:A}. */
    public static Goal parse(String text, double answerPrecision) {
      if (text.equals("balanced")) {
        return new Goal(Double.NaN, answerPrecision);
      }
      if (text.startsWith("oos-recall:")) {
        return new Goal(Double.parseDouble(text.substring("oos-recall:".length())),
            answerPrecision);
      }
      if (text.startsWith("in-scope:")) {
        return new Goal(Double.NaN, Double.parseDouble(text.substring("in-scope:".length())),
            answerPrecision);
      }
      throw new IllegalArgumentException(
          "objective is 'balanced', 'oos-recall:R' or 'in-scope:A', got " + text);
    }

    @Override
    public String toString() {
      return !Double.isNaN(minOosRecall) ? "oos-recall:" + minOosRecall
          : !Double.isNaN(minInScopeAccuracy) ? "in-scope:" + minInScopeAccuracy : "balanced";
    }
  }

  private ThresholdTuner() {}

  public static Thresholds tune(List<Outcome> validation, Goal goal) {
    TreeSet<Double> candidates = candidates(validation);
    double clarify = !hasOutOfScope(validation) ? balanced(validation, candidates)
        : !Double.isNaN(goal.minOosRecall())
            ? lowestReaching(validation, candidates, goal.minOosRecall())
            : !Double.isNaN(goal.minInScopeAccuracy())
                ? highestKeeping(validation, candidates, goal.minInScopeAccuracy())
                : balanced(validation, candidates);
    for (double t : candidates.tailSet(clarify, true)) {
      Metrics m = Metrics.of(under(validation, new Thresholds(t, clarify)));
      if (Double.isNaN(m.answeredPrecision()) || m.answeredPrecision() >= goal.answerPrecision()) {
        return new Thresholds(t, clarify);
      }
    }
    return new Thresholds(1.0, clarify);
  }

  /** In-scope accuracy at the lowest threshold whose out-of-scope recall reaches {@code recall}. */
  public static double inScopeAccuracyAtOosRecall(List<Outcome> outcomes, double recall) {
    double t = lowestReaching(outcomes, candidates(outcomes), recall);
    return Metrics.of(under(outcomes, new Thresholds(t, t))).inScopeAccuracy();
  }

  private static double balanced(List<Outcome> validation, TreeSet<Double> candidates) {
    double best = 0;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (double t : candidates) {
      Metrics m = Metrics.of(under(validation, new Thresholds(t, t)));
      double score = nanToZero(m.inScopeAccuracy()) + nanToZero(m.oosRecall());
      if (score > bestScore + 1e-12) {
        bestScore = score;
        best = t;
      }
    }
    return best;
  }

  private static double lowestReaching(List<Outcome> outcomes, TreeSet<Double> candidates,
      double recall) {
    for (double t : candidates) {
      if (Metrics.of(under(outcomes, new Thresholds(t, t))).oosRecall() >= recall) {
        return t;
      }
    }
    return candidates.last();
  }

  /** In-scope accuracy only falls as the threshold rises, so scan up until it drops below. */
  private static double highestKeeping(List<Outcome> outcomes, TreeSet<Double> candidates,
      double accuracy) {
    double best = candidates.first();
    for (double t : candidates) {
      if (Metrics.of(under(outcomes, new Thresholds(t, t))).inScopeAccuracy() < accuracy) {
        break;
      }
      best = t;
    }
    return best;
  }

  private static TreeSet<Double> candidates(List<Outcome> outcomes) {
    TreeSet<Double> candidates = new TreeSet<>();
    candidates.add(0.0);
    outcomes.forEach(o -> candidates.add(round(o.certainty())));
    return candidates;
  }

  private static boolean hasOutOfScope(List<Outcome> outcomes) {
    return outcomes.stream().anyMatch(Outcome::truthOutOfScope);
  }

  static List<Outcome> under(List<Outcome> outcomes, Thresholds thresholds) {
    return outcomes.stream().map(o -> o.under(thresholds)).toList();
  }

  /** Candidates are rounded to 0.001 and a threshold compares {@code >=}, so round up. */
  private static double round(double certainty) {
    return Math.floor(certainty * 1000) / 1000.0;
  }

  private static double nanToZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }
}
