package org.townhall.nlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.Map;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.evaluation.Evaluator;
import org.townhall.nlp.evaluation.Metrics;

/** Prints an evaluation as a table and, optionally, the contract's one-line JSON object. */
final class Report {

  private Report() {}

  static void table(PrintStream out, Metrics m) {
    out.printf("%-40s %7s %7s %7s %7s%n", "intent", "support", "prec", "recall", "f1");
    for (Map.Entry<String, Metrics.PerIntent> e : m.perIntent().entrySet()) {
      Metrics.PerIntent p = e.getValue();
      out.printf("%-40s %7d %7.3f %7.3f %7.3f%n", e.getKey(), p.support(), p.precision(),
          p.recall(), p.f1());
    }
    out.println();
    out.println("most confused (truth -> predicted, count):");
    for (Metrics.Confusion c : m.confusions()) {
      out.printf("  %-36s -> %-36s %4d%n", c.truth(), c.predicted(), c.count());
    }
    out.println();
  }

  static void summary(PrintStream out, Metrics m, Thresholds t, String thresholdSource) {
    out.printf("thresholds: answer %.3f, clarify %.3f (%s)%n", t.answer(), t.clarify(),
        thresholdSource);
    out.printf("in-scope accuracy %.4f  oos recall %.4f  oos precision %.4f  macro F1 %.4f%n",
        m.inScopeAccuracy(), m.oosRecall(), m.oosPrecision(), m.macroF1());
    out.printf("top-1 accuracy (no thresholds) %.4f, expected calibration error %.4f%n",
        m.top1Accuracy(), m.calibrationError());
    out.printf("answered %.1f%% (right %.4f), clarified %.1f%%, over %d messages%n",
        100 * m.answerRate(), m.answeredPrecision(), 100 * m.clarifyRate(), m.examples());
  }

  static String json(Metrics m, Evaluator.Run run, TrainedModel trained) {
    ObjectNode node = new ObjectMapper().createObjectNode();
    put(node, "in_scope_accuracy", m.inScopeAccuracy());
    put(node, "top1_accuracy", m.top1Accuracy());
    put(node, "oos_recall", m.oosRecall());
    put(node, "oos_precision", m.oosPrecision());
    put(node, "macro_f1", m.macroF1());
    put(node, "train_seconds", trained.trainSeconds());
    put(node, "classify_p50_us", run.p50Micros());
    put(node, "classify_p99_us", run.p99Micros());
    node.put("test_examples", m.examples());
    put(node, "answer_threshold", trained.thresholds().answer());
    put(node, "clarify_threshold", trained.thresholds().clarify());
    put(node, "answered_precision", m.answeredPrecision());
    put(node, "answer_rate", m.answerRate());
    put(node, "clarify_rate", m.clarifyRate());
    put(node, "temperature", trained.model().temperature());
    put(node, "calibration_error", m.calibrationError());
    node.put("thresholds_from", trained.thresholdSource());
    return node.toString();
  }

  /** NaN (e.g. OOS recall without OOS test messages) becomes JSON null. */
  private static void put(ObjectNode node, String key, double value) {
    if (Double.isNaN(value)) {
      node.putNull(key);
    } else {
      node.put(key, Math.round(value * 1e6) / 1e6);
    }
  }
}
