package org.townhall.nlp.classify;

import java.util.ArrayList;
import java.util.List;

/**
 * Fits the softmax temperature that makes a model's confidences honest on held-out messages:
 * the T minimising the negative log-likelihood of the true intents (Guo et al. 2017). One scalar
 * cannot change which intent ranks first, only how sure the model claims to be.
 */
final class TemperatureFit {

  private static final double MIN_LOG_T = Math.log(0.05);
  private static final double MAX_LOG_T = Math.log(20);

  private TemperatureFit() {}

  static double fit(IntentModel model, List<LabeledText> heldOut) {
    List<double[]> scores = new ArrayList<>();
    List<Integer> truths = new ArrayList<>();
    collect(model, heldOut, scores, truths);
    return fit(scores, truths);
  }

  /** The folds whose out-of-fold predictions {@link #fitOutOfFold} fits on. */
  static List<List<LabeledText>> split(List<LabeledText> examples, int folds) {
    return Folds.stratified(examples, folds, 7);
  }

  /**
   * Fits on the predictions of one model per fold, each for the fold it did not see.
   *
   * @param models {@code models.get(i)} was trained on every fold of {@code split} but {@code i}
   */
  static double fitOutOfFold(List<IntentModel> models, List<List<LabeledText>> split) {
    List<double[]> scores = new ArrayList<>();
    List<Integer> truths = new ArrayList<>();
    for (int i = 0; i < split.size(); i++) {
      collect(models.get(i), split.get(i), scores, truths);
    }
    return fit(scores, truths);
  }

  private static void collect(IntentModel model, List<LabeledText> heldOut, List<double[]> scores,
      List<Integer> truths) {
    for (LabeledText example : heldOut) {
      int truth = model.maxentModel().getIndex(example.intent());
      if (truth >= 0) {
        scores.add(model.rawScores(example.text()));
        truths.add(truth);
      }
    }
  }

  private static double fit(List<double[]> scores, List<Integer> truths) {
    if (scores.isEmpty()) {
      return 1.0;
    }
    return Math.exp(goldenSection(logT -> nll(scores, truths, Math.exp(logT))));
  }

  private static double nll(List<double[]> scores, List<Integer> truths, double temperature) {
    double total = 0;
    for (int i = 0; i < scores.size(); i++) {
      double[] p = Calibration.soften(scores.get(i), temperature);
      total -= Math.log(Math.max(p[truths.get(i)], 1e-12));
    }
    return total;
  }

  private static double goldenSection(java.util.function.DoubleUnaryOperator f) {
    double phi = (Math.sqrt(5) - 1) / 2;
    double a = MIN_LOG_T;
    double b = MAX_LOG_T;
    double c = b - phi * (b - a);
    double d = a + phi * (b - a);
    double fc = f.applyAsDouble(c);
    double fd = f.applyAsDouble(d);
    for (int i = 0; i < 40; i++) {
      if (fc < fd) {
        b = d;
        d = c;
        fd = fc;
        c = b - phi * (b - a);
        fc = f.applyAsDouble(c);
      } else {
        a = c;
        c = d;
        fc = fd;
        d = a + phi * (b - a);
        fd = f.applyAsDouble(d);
      }
    }
    return (a + b) / 2;
  }
}
