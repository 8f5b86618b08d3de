package org.townhall.nlp.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.townhall.nlp.classify.Folds;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;

/** Stratified k-fold cross-validation: every example is classified by a model that never saw it. */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * @param outcomes one per example, judged under the given thresholds
   * @param top1Accuracy share of examples whose best intent (or {@code oos}) is their label
   */
  public record Result(List<Outcome> outcomes, double top1Accuracy, double trainSecondsPerFold) {

    public Metrics metrics() {
      return Metrics.of(outcomes);
    }
  }

  public static Result run(List<LabeledText> examples, TrainingSettings settings, int k, long seed,
      Thresholds thresholds) {
    List<List<LabeledText>> folds = Folds.stratified(examples, k, seed);
    List<Outcome> outcomes = new ArrayList<>(examples.size());
    long nanos = 0;
    for (int i = 0; i < k; i++) {
      long start = System.nanoTime();
      IntentModel model = IntentTrainer.train(Folds.allBut(folds, i), settings);
      nanos += System.nanoTime() - start;
      outcomes.addAll(Evaluator.outcomes(model, thresholds, folds.get(i)));
    }
    double top1 = outcomes.stream().filter(o -> o.best().equals(o.truth())).count()
        / (double) outcomes.size();
    return new Result(outcomes, top1, nanos / 1e9 / k);
  }
}
