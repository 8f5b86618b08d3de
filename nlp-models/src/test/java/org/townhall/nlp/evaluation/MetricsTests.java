package org.townhall.nlp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.Verdict;

class MetricsTests {

  static Outcome outcome(String truth, String best, double confidence) {
    return new Outcome(truth, best, confidence, confidence, Verdict.ANSWER)
        .under(new Thresholds(0.5, 0.3));
  }

  static final List<Outcome> OUTCOMES = List.of(
      outcome("bins", "bins", 0.9),      // right, answered
      outcome("bins", "bins", 0.2),      // right intent but rejected: wrong in-scope
      outcome("tax", "bins", 0.4),       // wrong, clarified
      outcome("tax", "tax", 0.6),        // right
      outcome("oos", "tax", 0.1),        // rejected: oos recall
      outcome("oos", "oos", 0.8),        // classified oos: oos recall
      outcome("oos", "bins", 0.7));      // answered wrongly

  @Test
  void countsRejectedInScopeMessagesAsWrong() {
    Metrics m = Metrics.of(OUTCOMES);

    assertThat(m.inScopeAccuracy()).isEqualTo(0.5);
    assertThat(m.top1Accuracy()).isCloseTo(4 / 7.0, within(1e-9));
    assertThat(m.oosRecall()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(m.oosPrecision()).isCloseTo(2 / 3.0, within(1e-9));
  }

  @Test
  void reportsAnsweredPrecisionAndConfusions() {
    Metrics m = Metrics.of(OUTCOMES);

    assertThat(m.answerRate()).isCloseTo(3 / 7.0, within(1e-9));
    assertThat(m.answeredPrecision()).isCloseTo(2 / 3.0, within(1e-9));
    assertThat(m.clarifyRate()).isCloseTo(1 / 7.0, within(1e-9));
    assertThat(m.confusions()).contains(new Metrics.Confusion("bins", "oos", 1),
        new Metrics.Confusion("oos", "bins", 1), new Metrics.Confusion("tax", "bins", 1));
    assertThat(m.perIntent().get("tax").support()).isEqualTo(2);
  }

  @Test
  void tunesTheRejectionThresholdToTheOutOfScopeGoal() {
    List<Outcome> val = List.of(outcome("a", "a", 0.9), outcome("a", "a", 0.5),
        outcome("oos", "a", 0.45), outcome("oos", "a", 0.2), outcome("a", "b", 0.3));

    Thresholds half = ThresholdTuner.tune(val, new ThresholdTuner.Goal(0.5, 0.0));
    Thresholds all = ThresholdTuner.tune(val, new ThresholdTuner.Goal(1.0, 0.0));

    assertThat(half.clarify()).isGreaterThan(0.2).isLessThanOrEqualTo(0.3);
    assertThat(all.clarify()).isGreaterThan(0.45).isLessThanOrEqualTo(0.5);
  }

  @Test
  void tunesTheRejectionThresholdToKeepAnInScopeAccuracy() {
    List<Outcome> val = List.of(outcome("a", "a", 0.9), outcome("a", "a", 0.5),
        outcome("oos", "a", 0.45), outcome("oos", "a", 0.2), outcome("a", "a", 0.3));

    Thresholds keepAll = ThresholdTuner.tune(val, ThresholdTuner.Goal.parse("in-scope:1", 0.0));
    Thresholds keepTwoThirds = ThresholdTuner.tune(val,
        ThresholdTuner.Goal.parse("in-scope:0.66", 0.0));

    assertThat(keepAll.clarify()).isLessThanOrEqualTo(0.3);
    assertThat(keepTwoThirds.clarify()).isGreaterThan(0.45).isLessThanOrEqualTo(0.5);
  }

  @Test
  void setsTheAnswerThresholdWhereAnswersAreRightOftenEnough() {
    List<Outcome> val = List.of(outcome("a", "a", 0.9), outcome("a", "b", 0.7),
        outcome("b", "b", 0.8), outcome("a", "a", 0.6));

    Thresholds t = ThresholdTuner.tune(val, new ThresholdTuner.Goal(Double.NaN, 1.0));

    assertThat(t.answer()).isGreaterThan(0.7).isLessThanOrEqualTo(0.8);
    assertThat(t.clarify()).isZero();
  }

  @Test
  void measuresHowFarConfidenceIsFromAccuracy() {
    List<Outcome> honest = List.of(outcome("a", "a", 0.95), outcome("a", "a", 0.95),
        outcome("a", "b", 0.55), outcome("a", "a", 0.55));
    List<Outcome> overconfident = List.of(outcome("a", "b", 0.99), outcome("a", "a", 0.99));

    assertThat(Metrics.of(honest).calibrationError()).isCloseTo(0.05, within(1e-9));
    assertThat(Metrics.of(overconfident).calibrationError()).isCloseTo(0.49, within(1e-9));
  }
}
