package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.evaluation.Jsonl;

/**
 * What to train on and how: {@code --train} (none: the built-in pack; a folder: a content pack;
 * a file: JSONL), {@code --settings FILE.properties} and {@code --set key=value} overrides of the
 * built-in training settings. Thresholds default to the pack's own (the built-in pack's for JSONL).
 */
record TrainingInput(String source, List<LabeledText> examples, Thresholds thresholds,
    TrainingSettings settings) {

  static TrainingInput from(Args args) throws IOException {
    Optional<String> train = args.option("train");
    TrainingSettings settings = settings(args);
    if (train.isEmpty()) {
      ContentPack pack = ContentPackReader.builtIn();
      return new TrainingInput("built-in pack", pack.trainingExamples(), pack.thresholds(),
          settings);
    }
    Path path = Path.of(train.get());
    if (Files.isDirectory(path)) {
      ContentPack pack = ContentPackReader.read(path);
      return new TrainingInput(path.toString(), pack.trainingExamples(), pack.thresholds(),
          settings);
    }
    return new TrainingInput(path.toString(), Jsonl.read(path),
        ContentPackReader.builtIn().thresholds(), settings);
  }

  static TrainingSettings settings(Args args) throws IOException {
    return settings(args, TrainingSettings.defaults());
  }

  /** {@code base} with {@code --settings FILE} and then each {@code --set key=value} applied. */
  static TrainingSettings settings(Args args, TrainingSettings base) throws IOException {
    TrainingSettings settings = base;
    Optional<String> file = args.option("settings");
    if (file.isPresent()) {
      Properties p = new Properties();
      try (InputStream in = Files.newInputStream(Path.of(file.get()))) {
        p.load(in);
      }
      settings = settings.with(p);
    }
    for (String assignment : args.all("set")) {
      int eq = assignment.indexOf('=');
      if (eq < 1) {
        throw new Args.UsageException("--set needs key=value, got '" + assignment + "'");
      }
      settings = settings.with(assignment.substring(0, eq), assignment.substring(eq + 1));
    }
    return settings;
  }
}
