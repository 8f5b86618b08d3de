package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RobustInputTests {

  static IntentModel model;
  static final Thresholds THRESHOLDS = new Thresholds(0.55, 0.25);

  @BeforeAll
  static void train() {
    model = IntentTrainer.train(TinyTrainingSet.examples(), TrainingSettings.defaults());
  }

  static Stream<String> awkwardInputs() {
    byte[] junk = new byte[512];
    new Random(4).nextBytes(junk);
    return Stream.of(
        "",
        " ",
        "\t\n\r  \u00a0\u2003",
        "\ud83d\ude00\ud83d\udc4d\ud83c\udffd\ud83d\udca9",
        "!!!???...,,,;;;",
        "bin ".repeat(2_500),
        "x".repeat(10_000),
        new String(junk, java.nio.charset.StandardCharsets.ISO_8859_1),
        "\u0000\u0001\u0002\u0007\u001b[31m",
        "\ud800 lone surrogate \udfff",
        "\u0645\u062a\u0649 \u064a\u062a\u0645 \u062c\u0645\u0639 \u0627\u0644\u0642\u0645\u0627\u0645\u0629",
        "\u6211\u7684\u5783\u573e\u6876\u4ec0\u4e48\u65f6\u5019\u6536",
        "\u041a\u043e\u0433\u0434\u0430 \u0432\u044b\u0432\u043e\u0437 \u043c\u0443\u0441\u043e\u0440\u0430",
        "12345 67890",
        "SW1A 1AA");
  }

  @ParameterizedTest
  @MethodSource("awkwardInputs")
  void classifiesAwkwardInputWithoutThrowing(String text) {
    Classification result = model.classify(text);

    assertThat(result.ranked()).hasSize(4);
    assertThat(result.ranked()).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
  }

  @ParameterizedTest
  @MethodSource("meaninglessInputs")
  void givesMeaninglessInputALowConfidenceOrOutOfScope(String text) {
    Classification result = model.classify(text);

    assertThat(THRESHOLDS.decide(result)).isNotEqualTo(Verdict.ANSWER);
  }

  static Stream<String> meaninglessInputs() {
    return Stream.of("", "   ", "\ud83d\ude00\ud83d\udc4d", "?!", "x".repeat(10_000),
        "\u6211\u7684\u5783\u573e\u6876\u4ec0\u4e48\u65f6\u5019\u6536");
  }
}
