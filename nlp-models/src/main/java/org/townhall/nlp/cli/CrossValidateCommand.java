package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Set;
import org.townhall.nlp.evaluation.CrossValidation;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.evaluation.Metrics;
import org.townhall.nlp.evaluation.ThresholdTuner;

/** {@code cross-validate}: stratified k-fold accuracy of a pack or JSONL file. */
final class CrossValidateCommand {

  private final PrintStream out;
  private final PrintStream err;

  CrossValidateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of("json", "tune"));
    args.allowOnly(Set.of("train", "folds", "seed", "json", "tune", "objective", "settings", "set"));
    TrainingInput input = TrainingInput.from(args);
    int folds = Integer.parseInt(args.option("folds").orElse("10"));
    long seed = Long.parseLong(args.option("seed").orElse("1"));
    err.printf("%d-fold cross-validation on %s (%d examples)%n", folds, input.source(),
        input.examples().size());
    CrossValidation.Result result = CrossValidation.run(input.examples(),
        input.settings(), folds, seed, input.thresholds());
    Metrics m = result.metrics();
    Report.table(out, m);
    out.printf("%d-fold top-1 accuracy %.4f (every label, oos included, no threshold)%n", folds,
        result.top1Accuracy());
    Report.summary(out, m, input.thresholds(), "defaults of " + input.source());
    out.printf("train %.2f s per fold on average%n", result.trainSecondsPerFold());
    if (args.flag("tune")) {
      // out-of-fold outcomes are validation data for the pack's default thresholds
      ThresholdTuner.Goal goal = TrainedModel.goal(args);
      Thresholds tuned = ThresholdTuner.tune(result.outcomes(), goal);
      out.println();
      Report.summary(out, Metrics.of(result.outcomes().stream().map(o -> o.under(tuned)).toList()),
          tuned, "tuned on these out-of-fold outcomes, " + goal + "; in-sample for the thresholds");
    }
    if (args.flag("json")) {
      out.printf("{\"folds\":%d,\"top1_accuracy\":%.6f,\"in_scope_accuracy\":%.6f,"
              + "\"oos_recall\":%s,\"macro_f1\":%.6f,\"calibration_error\":%.6f,"
              + "\"train_seconds_per_fold\":%.3f,\"examples\":%d}%n", folds,
          result.top1Accuracy(), m.inScopeAccuracy(),
          Double.isNaN(m.oosRecall()) ? "null" : String.format("%.6f", m.oosRecall()),
          m.macroF1(), m.calibrationError(), result.trainSecondsPerFold(), m.examples());
    }
  }
}
