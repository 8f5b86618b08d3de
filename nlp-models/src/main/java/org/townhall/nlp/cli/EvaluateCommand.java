package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.evaluation.Evaluator;
import org.townhall.nlp.evaluation.Jsonl;
import org.townhall.nlp.evaluation.Metrics;

/** {@code evaluate}: the stable evaluation contract (see {@code docs/nlu.md}). */
final class EvaluateCommand {

  private final PrintStream out;
  private final PrintStream err;

  EvaluateCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of("json"));
    args.allowOnly(Set.of("train", "val", "test", "json", "settings", "set", "objective"));
    List<LabeledText> test = Jsonl.read(Path.of(args.required("test")));
    Optional<List<LabeledText>> val = args.option("val").map(Path::of).map(EvaluateCommand::read);
    TrainingInput input = TrainingInput.from(args);
    err.printf("training on %s (%d examples)%n", input.source(), input.examples().size());
    TrainedModel trained = TrainedModel.train(input, val, TrainedModel.goal(args));
    err.printf("trained in %.2f s; classifying %d test messages%n", trained.trainSeconds(),
        test.size());
    Evaluator.Run run = Evaluator.run(trained.model(), trained.thresholds(), test,
        Evaluator.WARM_UP_PASSES);
    Metrics metrics = run.metrics();
    Report.table(out, metrics);
    Report.summary(out, metrics, trained.thresholds(), trained.thresholdSource());
    out.printf("train %.2f s, classify p50 %.1f us, p99 %.1f us%n", trained.trainSeconds(),
        run.p50Micros(), run.p99Micros());
    if (args.flag("json")) {
      out.println(Report.json(metrics, run, trained));
    }
  }

  private static List<LabeledText> read(Path file) {
    try {
      return Jsonl.read(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
