package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextNormalizerPropertyTests {

  private static final int CASES = 3_000;

  @Test
  void anyStringGivesBoundedWhitespaceFreeTokens() {
    RandomText texts = new RandomText(20_24);
    for (int i = 0; i < CASES; i++) {
      String text = texts.next();
      List<String> tokens = TextNormalizer.tokens(text);

      assertThat(tokens).as("tokens of case %d", i).hasSizeLessThanOrEqualTo(TextNormalizer.MAX_TOKENS)
          .allSatisfy(t -> assertThat(t).isNotEmpty().doesNotContainAnyWhitespaces());
    }
  }

  @Test
  void anyStringGivesFeaturesWithTheBias() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 3, 2, 6, true));
    RandomText texts = new RandomText(7);
    for (int i = 0; i < CASES; i++) {
      assertThat(features.extract(texts.next())).contains(IntentFeatures.BIAS);
    }
  }
}
