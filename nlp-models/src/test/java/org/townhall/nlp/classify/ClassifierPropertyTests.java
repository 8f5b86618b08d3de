package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.nlp.text.RandomText;

class ClassifierPropertyTests {

  static IntentModel model;

  @BeforeAll
  static void train() {
    model = IntentTrainer.train(TinyTrainingSet.examples(), TrainingSettings.defaults());
  }

  @Test
  void noStringMakesTheClassifierThrowOrReturnNonsense() {
    RandomText texts = new RandomText(42);
    Thresholds thresholds = new Thresholds(0.55, 0.25);
    for (int i = 0; i < 2_000; i++) {
      String text = texts.next();
      Classification result = model.classify(text);

      assertThat(result.ranked()).hasSize(4);
      assertThat(result.ranked().stream().mapToDouble(IntentScore::confidence).sum())
          .as("sum of confidences for case %d", i).isCloseTo(1.0, within(1e-6));
      assertThat(thresholds.decide(result)).isNotNull();
    }
  }
}
