package org.townhall.nlp.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.safeguarding.SafeguardingDetector;
import org.townhall.nlp.safeguarding.SafeguardingEvaluation;
import org.townhall.nlp.safeguarding.SafeguardingEvaluation.CategoryResult;
import org.townhall.nlp.safeguarding.SafeguardingEvaluation.Result;
import org.townhall.nlp.safeguarding.SafeguardingEvaluation.Sample;

/**
 * {@code safeguarding}: trains the pack's safeguarding detector as the bot does and reports recall
 * per category and the false-alarm rate on labelled JSONL files, after checking them against the
 * training phrases.
 */
final class SafeguardingCommand {

  private final PrintStream out;
  private final PrintStream err;

  SafeguardingCommand(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  void run(String[] arguments) throws IOException {
    Args args = new Args(arguments, Set.of("json", "show-misses"));
    args.allowOnly(Set.of("train", "test", "thresholds", "json", "show-misses", "settings", "set"));
    if (args.all("test").isEmpty()) {
      throw new Args.UsageException("give at least one --test FILE.jsonl");
    }
    ContentPack pack = args.option("train").map(p -> ContentPackReader.read(Path.of(p)))
        .orElseGet(ContentPackReader::builtIn);
    List<Sample> samples = new ArrayList<>();
    for (String file : args.all("test")) {
      samples.addAll(SafeguardingEvaluation.read(Path.of(file)));
    }
    long started = System.nanoTime();
    boolean shippedSettings = args.option("settings").isEmpty() && args.all("set").isEmpty();
    SafeguardingDetector detector = SafeguardingDetector.train(pack, settings(args));
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    err.printf("trained the safeguarding detector (%d categories) in %.1f s%n",
        pack.safeguarding().categories().size(), trainSeconds);

    var overlap = SafeguardingEvaluation.overlap(samples, SafeguardingEvaluation.trainingPhrasesOf(pack));
    out.printf("overlap with the training phrases: %d exact, %d near copies (token overlap >= %.1f) of %d%n",
        overlap.exact().size(), overlap.near().size(), SafeguardingEvaluation.NEAR_COPY, samples.size());
    overlap.exact().forEach(t -> out.println("  exact: " + t));
    overlap.near().forEach(t -> out.println("  near:  " + t));

    // warm up once, so the latency is the steady state a running bot sees
    SafeguardingEvaluation.run(detector, samples);
    Result shipped = SafeguardingEvaluation.run(detector, samples);
    out.printf("%n%s, threshold %.2f (the pack's)%n", shippedSettings ? "shipped settings" : "settings changed by --settings/--set",
        pack.safeguarding().threshold());
    table(shipped);
    if (args.flag("show-misses")) {
      shipped.missed().forEach(s -> out.println("  missed [" + s.category() + "] " + s.text()));
      shipped.alarms().forEach(s -> out.println("  false alarm (taken for " + s.category() + ") " + s.text()));
    }
    for (String t : args.option("thresholds").map(s -> List.of(s.split(","))).orElse(List.of())) {
      double threshold = Double.parseDouble(t.strip());
      Result r = SafeguardingEvaluation.run(detector.withThreshold(threshold), samples);
      out.printf("threshold %.2f: recall %.4f (lowest category %.4f), right category %.4f, false alarms %.4f%n",
          threshold, r.recall(), r.lowestCategoryRecall(), r.rightCategoryRate(), r.falseAlarmRate());
    }
    if (args.flag("json")) {
      out.printf("{\"threshold\":%.3f,\"disclosures\":%d,\"recall\":%.6f,\"lowest_category_recall\":%.6f,"
              + "\"right_category\":%.6f,\"negatives\":%d,\"false_alarm_rate\":%.6f,\"p50_us\":%.1f,"
              + "\"p99_us\":%.1f,\"train_seconds\":%.2f,\"overlap_exact\":%d,\"overlap_near\":%d}%n",
          pack.safeguarding().threshold(), shipped.disclosures(), shipped.recall(), shipped.lowestCategoryRecall(),
          shipped.rightCategoryRate(), shipped.negatives(), shipped.falseAlarmRate(), shipped.p50Micros(),
          shipped.p99Micros(), trainSeconds, overlap.exact().size(), overlap.near().size());
    }
  }

  /**
   * The safeguarding model's shipped settings changed by {@code --settings} and {@code --set}; not the
   * intent model's, which train differently (16 epochs, "none" weight 0.3, calibrated).
   */
  static TrainingSettings settings(Args args) throws IOException {
    return TrainingInput.settings(args, SafeguardingDetector.defaultSettings());
  }

  private void table(Result r) {
    out.printf("%-30s %8s %8s %8s%n", "category", "messages", "recall", "right");
    for (CategoryResult c : r.categories().values()) {
      out.printf("%-30s %8d %8.4f %8.4f%n", c.category(), c.messages(), c.recall(), c.rightCategoryRate());
    }
    out.printf("%-30s %8d %8.4f %8.4f%n", "all disclosures", r.disclosures(), r.recall(), r.rightCategoryRate());
    out.printf("false alarms: %d of %d messages that are not disclosures (%.4f)%n", r.falseAlarms(), r.negatives(),
        r.falseAlarmRate());
    out.printf("check time per message: p50 %.0f us, p99 %.0f us%n", r.p50Micros(), r.p99Micros());
  }
}
