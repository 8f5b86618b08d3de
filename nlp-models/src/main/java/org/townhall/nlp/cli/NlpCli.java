package org.townhall.nlp.cli;

import java.io.PrintStream;
import java.util.Arrays;

/** Entry point of {@code java -jar nlp-models.jar COMMAND ...}. */
public final class NlpCli {

  static final String USAGE = """
      usage: java -jar nlp-models.jar COMMAND [options]

        evaluate [--train PACK_DIR|FILE.jsonl] [--val FILE.jsonl] --test FILE.jsonl [--json]
                 [--settings FILE.properties] [--set key=value ...]
                 [--objective oos-recall:0.6|in-scope:A|balanced]
            Train (default: the built-in council pack), tune thresholds on --val if given,
            and report per-intent precision/recall/F1, confusions, accuracy and latency.
        train [--train PACK_DIR|FILE.jsonl] [--val FILE.jsonl] --out MODEL_FILE
            Train and write a model file the bot can load.
        classify [--model MODEL_FILE] "text"
            Print the ranked intents (default: a model trained on the built-in pack).
        cross-validate [--train PACK_DIR|FILE.jsonl] [--folds 10] [--json]
            Stratified k-fold cross-validation (default: the built-in pack).
        select --train FILE.jsonl --val FILE.jsonl [--grid NAME]
            Train each candidate setting and compare them on validation data.
        safeguarding [--train PACK_DIR] --test FILE.jsonl [--test FILE.jsonl ...]
                     [--thresholds 0.3,0.5,...] [--show-misses] [--json]
                     [--settings FILE.properties] [--set key=value ...]
            Train the safeguarding detector as the bot does; report recall per category and
            false alarms on {"text", "category"} lines ("none" for messages that are not
            disclosures), after checking them against the training phrases.
        convert-benchmarks [--from ../shared/datasets] [--to benchmarks/data]
            Convert CLINC150, BANKING77 and HWU64 to JSONL splits (checksums verified).
      """;

  private NlpCli() {}

  public static void main(String[] args) {
    // OpenNLP logs every training step at INFO; the CLI reports what matters itself
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 0) {
      err.print(USAGE);
      return 2;
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    try {
      switch (args[0]) {
        case "evaluate" -> new EvaluateCommand(out, err).run(rest);
        case "train" -> new TrainCommand(out, err).run(rest);
        case "classify" -> new ClassifyCommand(out, err).run(rest);
        case "cross-validate" -> new CrossValidateCommand(out, err).run(rest);
        case "select" -> new SelectCommand(out, err).run(rest);
        case "safeguarding" -> new SafeguardingCommand(out, err).run(rest);
        case "convert-benchmarks" -> new ConvertCommand(out, err).run(rest);
        case "help", "--help", "-h" -> out.print(USAGE);
        default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
      }
      return 0;
    } catch (Args.UsageException e) {
      err.println("error: " + e.getMessage());
      err.print(USAGE);
      return 2;
    } catch (Exception e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }
}
