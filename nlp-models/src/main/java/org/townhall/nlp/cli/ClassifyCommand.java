package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentClassifier;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.content.ContentPackReader;

/** {@code classify "text"}: the ranked intents and what the bot would do. */
final class ClassifyCommand {

  private final PrintStream out;
  private final PrintStream err;

  ClassifyCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of());
    args.allowOnly(Set.of("model", "train", "top", "settings", "set"));
    if (args.positional().isEmpty()) {
      throw new Args.UsageException("classify needs the text to classify");
    }
    String text = String.join(" ", args.positional());
    IntentClassifier classifier;
    Thresholds thresholds = ContentPackReader.builtIn().thresholds();
    Optional<String> modelFile = args.option("model");
    if (modelFile.isPresent()) {
      try (InputStream in = Files.newInputStream(Path.of(modelFile.get()))) {
        classifier = IntentModel.read(in);
      }
    } else {
      TrainingInput input = TrainingInput.from(args);
      err.printf("training on %s (%d examples)%n", input.source(), input.examples().size());
      TrainedModel trained = TrainedModel.train(input, Optional.empty(), TrainedModel.goal(args));
      classifier = trained.model();
      thresholds = trained.thresholds();
    }
    Classification result = classifier.classify(text);
    int top = Integer.parseInt(args.option("top").orElse("5"));
    for (IntentScore score : result.ranked().subList(0, Math.min(top, result.ranked().size()))) {
      out.printf("%.4f  %s%n", score.confidence(), score.intent());
    }
    out.printf("verdict: %s (answer at %.2f, clarify at %.2f)%n", thresholds.decide(result),
        thresholds.answer(), thresholds.clarify());
  }
}
