package org.townhall.nlp.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.townhall.nlp.classify.Verdict;

/**
 * Accuracy figures over a list of outcomes, with the CLINC150 paper's definitions: in-scope
 * accuracy counts a rejected in-scope message as wrong; out-of-scope recall is the share of
 * {@code oos} messages rejected (or classified {@code oos}). Top-1 accuracy ignores the
 * thresholds: the share of messages whose best intent (possibly {@code oos}) is their label, the
 * usual "accuracy" of data sets without out-of-scope messages such as BANKING77 and HWU64.
 * The calibration error compares the best intent's confidence with how often it is right.
 */
public record Metrics(
    int examples,
    double top1Accuracy,
    double inScopeAccuracy,
    double oosRecall,
    double oosPrecision,
    double macroF1,
    double answeredPrecision,
    double answerRate,
    double clarifyRate,
    double calibrationError,
    Map<String, PerIntent> perIntent,
    List<Confusion> confusions) {

  /** Precision, recall and F1 of one label (with {@code oos} standing for "rejected"). */
  public record PerIntent(int support, double precision, double recall, double f1) {}

  /** How often messages of {@code truth} were taken for {@code predicted}. */
  public record Confusion(String truth, String predicted, int count) {}

  public static Metrics of(List<Outcome> outcomes) {
    int inScope = 0, inScopeRight = 0, oos = 0, oosRejected = 0, rejected = 0, rejectedOos = 0;
    int answered = 0, answeredRight = 0, clarified = 0, top1Right = 0;
    Map<String, int[]> counts = new HashMap<>(); // label -> {tp, fp, fn}
    Map<List<String>, Integer> confused = new HashMap<>();
    for (Outcome o : outcomes) {
      String predicted = o.predicted();
      top1Right += o.best().equals(o.truth()) ? 1 : 0;
      boolean right = predicted.equals(o.truth());
      if (o.truthOutOfScope()) {
        oos++;
        oosRejected += right ? 1 : 0;
      } else {
        inScope++;
        inScopeRight += right ? 1 : 0;
      }
      if (predicted.equals("oos")) {
        rejected++;
        rejectedOos += o.truthOutOfScope() ? 1 : 0;
      }
      if (o.verdict() == Verdict.ANSWER) {
        answered++;
        answeredRight += right ? 1 : 0;
      }
      clarified += o.verdict() == Verdict.CLARIFY ? 1 : 0;
      counts.computeIfAbsent(o.truth(), k -> new int[3]);
      counts.computeIfAbsent(predicted, k -> new int[3]);
      if (right) {
        counts.get(predicted)[0]++;
      } else {
        counts.get(predicted)[1]++;
        counts.get(o.truth())[2]++;
        confused.merge(List.of(o.truth(), predicted), 1, Integer::sum);
      }
    }
    Map<String, PerIntent> perIntent = perIntent(counts);
    double macroF1 = perIntent.values().stream().filter(p -> p.support() > 0)
        .mapToDouble(PerIntent::f1).average().orElse(0);
    return new Metrics(outcomes.size(), ratio(top1Right, outcomes.size()),
        ratio(inScopeRight, inScope), ratio(oosRejected, oos),
        ratio(rejectedOos, rejected), macroF1, ratio(answeredRight, answered),
        ratio(answered, outcomes.size()), ratio(clarified, outcomes.size()),
        expectedCalibrationError(outcomes), perIntent, topConfusions(confused, 10));
  }

  private static Map<String, PerIntent> perIntent(Map<String, int[]> counts) {
    Map<String, PerIntent> result = new TreeMap<>();
    for (String label : new TreeSet<>(counts.keySet())) {
      int[] c = counts.get(label);
      double precision = ratio(c[0], c[0] + c[1]);
      double recall = ratio(c[0], c[0] + c[2]);
      double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
      result.put(label, new PerIntent(c[0] + c[2], precision, recall, f1));
    }
    return result;
  }

  private static List<Confusion> topConfusions(Map<List<String>, Integer> confused, int n) {
    List<Confusion> all = new ArrayList<>();
    confused.forEach((pair, count) -> all.add(new Confusion(pair.get(0), pair.get(1), count)));
    all.sort(Comparator.comparingInt(Confusion::count).reversed()
        .thenComparing(Confusion::truth).thenComparing(Confusion::predicted));
    return all.subList(0, Math.min(n, all.size()));
  }

  /**
   * Expected calibration error of the best intent's confidence, over 10 equal-width bins: the
   * gap between claimed confidence and actual accuracy, weighted by how many messages claim it.
   */
  static double expectedCalibrationError(List<Outcome> outcomes) {
    double[] confidence = new double[10];
    int[] right = new int[10];
    int[] count = new int[10];
    for (Outcome o : outcomes) {
      int bin = Math.min(9, (int) (o.confidence() * 10));
      confidence[bin] += o.confidence();
      right[bin] += o.best().equals(o.truth()) ? 1 : 0;
      count[bin]++;
    }
    double error = 0;
    for (int bin = 0; bin < 10; bin++) {
      if (count[bin] > 0) {
        error += Math.abs(confidence[bin] - right[bin]) / outcomes.size();
      }
    }
    return outcomes.isEmpty() ? Double.NaN : error;
  }

  static double ratio(int part, int whole) {
    return whole == 0 ? Double.NaN : (double) part / whole;
  }
}
