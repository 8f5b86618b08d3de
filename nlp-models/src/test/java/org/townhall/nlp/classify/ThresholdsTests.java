package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdsTests {

  static final Thresholds THRESHOLDS = new Thresholds(0.8, 0.4);

  static Classification ranked(Object... intentsAndScores) {
    List<IntentScore> scores = new java.util.ArrayList<>();
    for (int i = 0; i < intentsAndScores.length; i += 2) {
      scores.add(new IntentScore((String) intentsAndScores[i], (Double) intentsAndScores[i + 1]));
    }
    return new Classification(scores);
  }

  @Test
  void withoutAnOutOfScopeIntentCertaintyIsTheBestConfidence() {
    Classification c = ranked("bins", 0.85, "tax", 0.15);

    assertThat(Thresholds.certainty(c)).isCloseTo(0.85, within(1e-9));
    assertThat(THRESHOLDS.decide(c)).isEqualTo(Verdict.ANSWER);
  }

  @Test
  void anOutOfScopeRunnerUpLowersCertainty() {
    Classification nearlyNotOurs = ranked("bins", 0.55, "oos", 0.40, "tax", 0.05);
    Classification anotherIntentRunnerUp = ranked("bins", 0.55, "tax", 0.40, "oos", 0.05);

    assertThat(Thresholds.certainty(nearlyNotOurs)).isCloseTo(0.15, within(1e-9));
    assertThat(THRESHOLDS.decide(nearlyNotOurs)).isEqualTo(Verdict.REJECT);
    assertThat(Thresholds.certainty(anotherIntentRunnerUp)).isCloseTo(0.50, within(1e-9));
    assertThat(THRESHOLDS.decide(anotherIntentRunnerUp)).isEqualTo(Verdict.CLARIFY);
  }

  @Test
  void outOfScopeFirstIsRejectedWithNoCertainty() {
    Classification c = ranked("oos", 0.9, "bins", 0.1);

    assertThat(Thresholds.certainty(c)).isZero();
    assertThat(new Thresholds(0, 0).decide(c)).isEqualTo(Verdict.REJECT);
  }
}
