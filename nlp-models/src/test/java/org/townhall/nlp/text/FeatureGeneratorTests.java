package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FeatureGeneratorTests {

  @Test
  void wordNGramsIncludeBigramsWithMessageEdges() {
    assertThat(new WordNGramFeatureGenerator(2).extractFeatures(new String[] {"bin", "day"}, Map.of()))
        .containsExactly("w=bin", "w=day", "w=^|bin", "w=bin|day", "w=day|$");
  }

  @Test
  void wordUnigramsOnlyWhenNIsOne() {
    assertThat(new WordNGramFeatureGenerator(1).extractFeatures(new String[] {"bin", "day"}, Map.of()))
        .containsExactly("w=bin", "w=day");
  }

  @Test
  void wordTrigramsWhenNIsThree() {
    assertThat(new WordNGramFeatureGenerator(3).extractFeatures(new String[] {"a", "b"}, Map.of()))
        .contains("w=^|a|b", "w=a|b|$");
  }

  @Test
  void charNGramsMarkWordEdgesAndSkipPlaceholders() {
    assertThat(new CharNGramFeatureGenerator(3, 3)
        .extractFeatures(new String[] {"bin", TextNormalizer.NUMBER}, Map.of()))
        .containsExactly("c=#bi", "c=bin", "c=in#");
  }

  @Test
  void aTypoSharesMostCharacterNGramsWithTheWord() {
    CharNGramFeatureGenerator chars = new CharNGramFeatureGenerator(3, 5);
    var right = chars.extractFeatures(new String[] {"collection"}, Map.of());
    var typo = chars.extractFeatures(new String[] {"colection"}, Map.of());

    assertThat(typo.stream().filter(right::contains).count()).isGreaterThan(typo.size() / 2);
  }

  @Test
  void intentFeaturesStemWordsAndAlwaysIncludeTheBias() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 1, 3, 3, false));

    assertThat(features.extract("Collections collected")).startsWith(IntentFeatures.BIAS)
        .contains("w=collect", "c=#co", "c=ns#").doesNotHaveDuplicates();
    assertThat(features.extract("")).containsExactly(IntentFeatures.BIAS);
    assertThat(features.extract("\ud83d\ude00")).containsExactly(IntentFeatures.BIAS);
  }

  @Test
  void intentFeaturesCanLeaveOutStemmingAndCharacters() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(false, 1, 0, 0, false));

    assertThat(features.extract("Collections")).containsExactly(IntentFeatures.BIAS, "w=collections");
  }

  @Test
  void wordVectorsAddOneFeaturePerDimensionAtTheConfiguredLength() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 1, 0, 0, true, 4));

    IntentFeatures.Message message = features.of("my wheelie bin was not emptied");

    double squares = 0;
    int vectorFeatures = 0;
    for (int i = 0; i < message.names().length; i++) {
      if (message.names()[i].startsWith("v=")) {
        vectorFeatures++;
        squares += message.values()[i] * message.values()[i];
      }
    }
    assertThat(vectorFeatures).isEqualTo(100);
    assertThat(Math.sqrt(squares)).isCloseTo(4.0, org.assertj.core.data.Offset.offset(1e-4));
    assertThat(message.names()).contains(IntentFeatures.BIAS, "w=bin").doesNotHaveDuplicates();
  }

  @Test
  void aMessageWithoutKnownWordsHasNoVectorFeatures() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 1, 3, 3, true, 4));

    assertThat(features.of("\ud83d\ude00 !!!").names()).containsExactly(IntentFeatures.BIAS);
    assertThat(features.of("xqzzv").names()).noneMatch(name -> name.startsWith("v="));
  }

  @Test
  void withoutWordVectorsTheFeaturesAreTheExtractedOnes() {
    IntentFeatures features = new IntentFeatures(new FeatureSettings(true, 2, 3, 5, true));

    assertThat(features.of("missed bin collection").names())
        .containsExactly(features.extract("missed bin collection"));
  }
}
