package org.townhall.nlp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;

/**
 * Guards the built-in pack's 10-fold cross-validation accuracy against regressions in features,
 * trainer or content. The floor sits a little under the measured value (docs/benchmarks.md), so a
 * real drop fails the build; calibration is off because it cannot change the top intent.
 */
class CouncilPackCrossValidationTests {

  /**
   * Measured 0.9062 with this seed (0.9057 and 0.9050 with seeds 2 and 3; 2026-11-23, 50 intents
   * with 121-157 phrases each, 859 out-of-scope phrases, word vectors, 16 epochs).
   * Before the second round of phrases the pack scored 0.924 with 57-87 phrases per intent: the
   * new phrases share far fewer words with the rest of their intent, so the pack is harder to
   * cross-validate even though both hold-out sets improved (docs/nlu.md). The floor leaves a
   * little room below the measured value; word vectors are guarded by UnseenWordsTests and the
   * classifier tests, not by this margin. Compare floors only between packs with the same phrases.
   */
  static final double TOP1_FLOOR = 0.900;

  @Test
  void tenFoldAccuracyStaysAboveTheFloor() {
    ContentPack pack = ContentPackReader.builtIn();

    CrossValidation.Result result = CrossValidation.run(pack.trainingExamples(),
        TrainingSettings.defaults().with("calibrationFolds", "0"), 10, 1, pack.thresholds());

    assertThat(result.top1Accuracy()).isGreaterThanOrEqualTo(TOP1_FLOOR);
  }
}
