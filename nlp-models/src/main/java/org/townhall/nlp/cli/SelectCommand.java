package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.evaluation.Evaluator;
import org.townhall.nlp.evaluation.Jsonl;
import org.townhall.nlp.evaluation.Metrics;
import org.townhall.nlp.evaluation.Outcome;
import org.townhall.nlp.evaluation.ThresholdTuner;

/**
 * {@code select}: trains each {@code --candidate "key=value;key=value"} (overrides of the
 * built-in settings) on {@code --train} and compares them on {@code --val}, with thresholds tuned
 * on that validation data. How trainer and features were chosen; never given test data.
 */
final class SelectCommand {

  private final PrintStream out;
  private final PrintStream err;

  SelectCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of());
    args.allowOnly(Set.of("train", "val", "candidate", "settings", "set", "objective"));
    List<LabeledText> val = Jsonl.read(Path.of(args.required("val")));
    TrainingInput base = TrainingInput.from(args);
    List<String> candidates = args.all("candidate").isEmpty() ? List.of("") : args.all("candidate");
    out.printf("%-70s %7s %7s %7s %7s %7s %6s %15s%n", "candidate", "top1", "in_acc", "oos_rec",
        "clarify", "temp", "train_s", "in_acc@oos>=.6");
    for (String candidate : candidates) {
      TrainingSettings settings = apply(base.settings(), candidate);
      TrainingInput input = new TrainingInput(base.source(), base.examples(), base.thresholds(),
          settings);
      err.println("training " + (candidate.isEmpty() ? "(defaults)" : candidate));
      TrainedModel trained = TrainedModel.train(input, Optional.of(val), TrainedModel.goal(args));
      List<Outcome> outcomes = Evaluator.outcomes(trained.model(), trained.thresholds(), val);
      double top1 = outcomes.stream().filter(o -> o.best().equals(o.truth())).count()
          / (double) outcomes.size();
      Metrics m = Metrics.of(outcomes);
      out.printf("%-70s %7.4f %7.4f %7.4f %7.3f %7.3f %6.1f %15.4f%n",
          candidate.isEmpty() ? "(defaults)" : candidate, top1, m.inScopeAccuracy(),
          m.oosRecall(), trained.thresholds().clarify(), trained.model().temperature(),
          trained.trainSeconds(), ThresholdTuner.inScopeAccuracyAtOosRecall(outcomes, 0.6));
      out.flush();
    }
  }

  private static TrainingSettings apply(TrainingSettings settings, String candidate) {
    for (String assignment : candidate.split(";")) {
      if (assignment.isBlank()) {
        continue;
      }
      int eq = assignment.indexOf('=');
      if (eq < 1) {
        throw new Args.UsageException("a candidate is key=value;key=value, got '" + candidate + "'");
      }
      settings = settings.with(assignment.substring(0, eq).trim(), assignment.substring(eq + 1).trim());
    }
    return settings;
  }
}
