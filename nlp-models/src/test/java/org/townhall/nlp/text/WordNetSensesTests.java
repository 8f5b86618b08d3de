package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WordNetSensesTests {

  private final WordNetSenses wordNet = WordNetSenses.shared();

  @Test
  void synonymsShareASense() {
    assertThat(wordNet.of("rubbish")).containsAnyElementsOf(wordNet.of("garbage"));
  }

  @Test
  void aWordMeetsItsBroaderWord() {
    assertThat(wordNet.of("lorry")).containsAnyElementsOf(wordNet.of("truck"));
    assertThat(wordNet.of("bin")).containsAnyElementsOf(wordNet.of("container"));
    assertThat(wordNet.of("refuse")).containsAnyElementsOf(wordNet.of("waste"));
  }

  @Test
  void inflectedFormsFindTheirBaseWord() {
    assertThat(wordNet.of("bins")).isNotEmpty().isEqualTo(wordNet.of("bin"));
  }

  @Test
  void functionWordsPlaceholdersAndUnknownWordsGiveNothing() {
    assertThat(wordNet.of("the")).isEmpty();
    assertThat(wordNet.of("can")).isEmpty();
    assertThat(wordNet.of(TextNormalizer.NUMBER)).isEmpty();
    assertThat(wordNet.of("zzqxv")).isEmpty();
    assertThat(wordNet.of("a")).isEmpty();
  }

  @Test
  void intentFeaturesAddSensesOnlyWhenAsked() {
    IntentFeatures with = new IntentFeatures(new FeatureSettings(true, 1, 0, 0, true, true));
    IntentFeatures without = new IntentFeatures(new FeatureSettings(true, 1, 0, 0, true, false));

    assertThat(with.extract("rubbish lorry")).anyMatch(f -> f.startsWith("s="));
    assertThat(without.extract("rubbish lorry")).noneMatch(f -> f.startsWith("s="));
  }

  @Test
  void sensesFormTheirOwnUnitLengthGroup() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 1, 0, 0, true, true));
    String[] extracted = features.extract("rubbish");
    float[] values = features.values(extracted);

    double senseSquares = 0;
    for (int i = 0; i < extracted.length; i++) {
      if (extracted[i].startsWith("s=")) {
        senseSquares += values[i] * values[i];
      }
    }
    assertThat(senseSquares).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
  }
}
