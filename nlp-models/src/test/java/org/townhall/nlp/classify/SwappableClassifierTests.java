package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SwappableClassifierTests {

  static IntentClassifier always(String intent) {
    return text -> new Classification(List.of(new IntentScore(intent, 1.0)));
  }

  @Test
  void classifiesWithTheCurrentModelAndSwapsIt() {
    IntentClassifier first = always("a");
    SwappableClassifier classifier = new SwappableClassifier(first);

    assertThat(classifier.classify("x").best().intent()).isEqualTo("a");
    assertThat(classifier.swap(always("b"))).isSameAs(first);
    assertThat(classifier.classify("x").best().intent()).isEqualTo("b");
  }
}
