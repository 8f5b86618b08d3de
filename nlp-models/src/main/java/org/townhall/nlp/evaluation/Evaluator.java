package org.townhall.nlp.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentClassifier;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;

/**
 * Classifies every test message once, timing each call after untimed warm-up passes, and
 * judges the results under the thresholds.
 */
public final class Evaluator {

  /** Untimed passes over the test messages before the timed one, so the JIT has compiled. */
  public static final int WARM_UP_PASSES = 2;
  /** Small test sets get more passes, so that at least this many calls warm the JIT. */
  static final int MIN_WARM_UP_CALLS = 5_000;

  private Evaluator() {}

  /** The outcomes and the per-call latencies, in microseconds. */
  public record Run(List<Outcome> outcomes, double p50Micros, double p99Micros) {

    public Metrics metrics() {
      return Metrics.of(outcomes);
    }
  }

  public static Run run(IntentClassifier classifier, Thresholds thresholds,
      List<LabeledText> test, int warmUpPasses) {
    int passes = test.isEmpty() ? 0
        : Math.max(warmUpPasses, (int) Math.ceil(MIN_WARM_UP_CALLS / (double) test.size()));
    for (int pass = 0; pass < passes; pass++) {
      for (LabeledText example : test) {
        classifier.classify(example.text());
      }
    }
    List<Outcome> outcomes = new ArrayList<>(test.size());
    long[] nanos = new long[test.size()];
    for (int i = 0; i < test.size(); i++) {
      LabeledText example = test.get(i);
      long start = System.nanoTime();
      Classification classification = classifier.classify(example.text());
      nanos[i] = System.nanoTime() - start;
      outcomes.add(Outcome.of(example, classification, thresholds));
    }
    Arrays.sort(nanos);
    return new Run(outcomes, percentile(nanos, 50) / 1000.0, percentile(nanos, 99) / 1000.0);
  }

  /** Outcomes without timing or warm-up, e.g. for tuning thresholds on validation data. */
  public static List<Outcome> outcomes(IntentClassifier classifier, Thresholds thresholds,
      List<LabeledText> examples) {
    return examples.stream()
        .map(e -> Outcome.of(e, classifier.classify(e.text()), thresholds))
        .toList();
  }

  /** Nearest-rank percentile of sorted values. */
  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }
}
