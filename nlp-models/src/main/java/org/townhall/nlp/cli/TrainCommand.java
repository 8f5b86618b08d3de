package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.evaluation.Jsonl;

/** {@code train}: writes a model file that {@code IntentModel.read} (and so the bot) loads. */
final class TrainCommand {

  private final PrintStream out;
  private final PrintStream err;

  TrainCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of());
    args.allowOnly(Set.of("train", "val", "out", "settings", "set", "objective"));
    Path target = Path.of(args.required("out"));
    TrainingInput input = TrainingInput.from(args);
    Optional<List<LabeledText>> val = Optional.empty();
    if (args.option("val").isPresent()) {
      val = Optional.of(Jsonl.read(Path.of(args.required("val"))));
    }
    err.printf("training on %s (%d examples)%n", input.source(), input.examples().size());
    TrainedModel trained = TrainedModel.train(input, val, TrainedModel.goal(args));
    try (OutputStream file = Files.newOutputStream(target)) {
      trained.model().write(file);
    }
    out.printf("wrote %s (%d intents, temperature %.3f) in %.2f s; thresholds answer %.3f,"
            + " clarify %.3f (%s)%n", target, trained.model().intents().size(),
        trained.model().temperature(), trained.trainSeconds(), trained.thresholds().answer(),
        trained.thresholds().clarify(), trained.thresholdSource());
  }
}
