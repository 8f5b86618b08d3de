package org.townhall.nlp.cli;

import java.util.List;
import java.util.Optional;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.evaluation.Evaluator;
import org.townhall.nlp.evaluation.ThresholdTuner;

/**
 * A model and its thresholds, made the one way every command makes them. With validation data,
 * the model's confidence is calibrated on it and the thresholds are tuned on it; without, the
 * model calibrates itself by cross-validation and the pack's default thresholds apply.
 *
 * @param trainSeconds wall-clock seconds for training and calibration
 */
record TrainedModel(IntentModel model, Thresholds thresholds, double trainSeconds,
    String thresholdSource) {

  /** Answered messages should be right this often on validation data. */
  static final double ANSWER_PRECISION = 0.95;
  /** Reject at least 60% of out-of-scope validation messages, turning away few in-scope ones. */
  static final String DEFAULT_OBJECTIVE = "oos-recall:0.6";

  static ThresholdTuner.Goal goal(Args args) {
    return ThresholdTuner.Goal.parse(args.option("objective").orElse(DEFAULT_OBJECTIVE),
        ANSWER_PRECISION);
  }

  static TrainedModel train(TrainingInput input, Optional<List<LabeledText>> validation,
      ThresholdTuner.Goal goal) {
    long start = System.nanoTime();
    if (validation.isEmpty()) {
      IntentModel model = IntentTrainer.train(input.examples(), input.settings());
      return new TrainedModel(model, input.thresholds(), seconds(start),
          "defaults of " + input.source());
    }
    TrainingSettings settings = input.settings().with("calibrationFolds", "0");
    IntentModel model = IntentTrainer.calibrate(
        IntentTrainer.train(input.examples(), settings), validation.get());
    double trainSeconds = seconds(start);
    Thresholds tuned = ThresholdTuner.tune(
        Evaluator.outcomes(model, input.thresholds(), validation.get()), goal);
    return new TrainedModel(model, tuned, trainSeconds, "tuned on validation data, " + goal);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
