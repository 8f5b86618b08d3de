package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IntentModelTests {

  static IntentModel model;

  @BeforeAll
  static void train() {
    model = IntentTrainer.train(TinyTrainingSet.examples(), TrainingSettings.defaults());
  }

  @Test
  void ranksTheRightIntentFirst() {
    assertThat(model.classify("When is my bin day?").best().intent())
        .isEqualTo("bin_collection_day");
    assertThat(model.classify("I'd like to report a pothole").best().intent())
        .isEqualTo("report_pothole");
    assertThat(model.classify("pay my council tax").best().intent())
        .isEqualTo("pay_council_tax");
  }

  @Test
  void trainingOnSeveralThreadsGivesTheSameModelAsOnOne() {
    TrainingSettings oneThread = TrainingSettings.defaults()
        .with("threads", "1").with("ensemble", "2").with("calibrationFolds", "2");
    IntentModel serial = IntentTrainer.train(TinyTrainingSet.examples(), oneThread);
    IntentModel parallel = IntentTrainer.train(TinyTrainingSet.examples(),
        oneThread.with("threads", "2"));

    assertThat(parallel.temperature()).isEqualTo(serial.temperature());
    for (String text : List.of("when is my bin day", "pothole", "zzz", "")) {
      assertThat(parallel.scores(text)).as(text).containsExactly(serial.scores(text));
    }
  }

  @Test
  void findsTheIntentDespiteTypos() {
    assertThat(model.classify("wen is my bin colected").best().intent())
        .isEqualTo("bin_collection_day");
  }

  @Test
  void ranksEveryIntentWithConfidencesThatSumToOne() {
    Classification result = model.classify("report a pothole");

    assertThat(result.ranked()).extracting(IntentScore::intent).containsExactlyInAnyOrder(
        "bin_collection_day", "report_pothole", "pay_council_tax", LabeledText.OUT_OF_SCOPE);
    assertThat(result.ranked().stream().mapToDouble(IntentScore::confidence).sum())
        .isCloseTo(1.0, within(1e-6));
    assertThat(result.ranked()).isSortedAccordingTo(
        (a, b) -> Double.compare(b.confidence(), a.confidence()));
  }

  @Test
  void survivesAWriteAndReadRoundTrip() throws IOException {
    IntentModel calibrated = model.withTemperature(1.7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    calibrated.write(out);

    IntentModel read = IntentModel.read(new ByteArrayInputStream(out.toByteArray()));

    assertThat(read.settings()).isEqualTo(calibrated.settings());
    assertThat(read.temperature()).isEqualTo(1.7);
    for (String text : List.of("bin day", "pothole", "weather", "")) {
      assertThat(read.classify(text)).isEqualTo(calibrated.classify(text));
    }
  }

  @Test
  void settingsStoredBeforeWordVectorsExistedReadAsWithout() throws IOException {
    java.util.Properties old = TrainingSettings.defaults().toProperties();
    old.remove("wordVectorLength");
    java.io.StringWriter text = new java.io.StringWriter();
    old.store(text, null);

    assertThat(TrainingSettings.deserialize(text.toString()).features().wordVectorLength()).isZero();
    assertThat(TrainingSettings.defaults().features().wordVectorLength())
        .as("the built-in pack uses them").isPositive();
  }

  /**
   * A model file written by commit 7da9c5a (file version 2, before word vectors), trained on the
   * tiny set; the expected confidences are what that version's {@code classify} printed.
   */
  @Test
  void readsAModelFileWrittenBeforeWordVectors() throws IOException {
    IntentModel old;
    try (var in = getClass().getResourceAsStream("model-v2-before-word-vectors.bin")) {
      old = IntentModel.read(in);
    }

    assertThat(old.settings().features().wordVectorLength()).isZero();
    assertThat(old.classify("when is bin day").best())
        .satisfies(best -> assertThat(best.intent()).isEqualTo("bin_collection_day"))
        .satisfies(best -> assertThat(best.confidence()).isCloseTo(0.9988, within(1e-4)));
    assertThat(old.classify("pothole on my street").best().confidence()).isCloseTo(0.8995, within(1e-4));
    assertThat(old.classify("weather in spain").best().intent()).isEqualTo("oos");
    assertThat(old.classify("weather in spain").best().confidence()).isCloseTo(0.9367, within(1e-4));
  }

  @Test
  void refusesAModelTrainedWithOtherWordVectors() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    model.write(out);
    String id = model.features().wordVectorsId();
    assertThat(id).as("the default settings use word vectors").startsWith("50000x100 sha256:");
    byte[] bytes = out.toByteArray();
    String other = id.substring(0, id.length() - 1) + (id.endsWith("0") ? "1" : "0");
    byte[] tampered = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1)
        .replace(id, other).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(tampered)))
        .isInstanceOf(IOException.class).hasMessageContaining("other word vectors");
  }

  @Test
  void wordVectorsKeepTheirValuesEvenWithoutNormalisation() {
    TrainingSettings plain = TrainingSettings.defaults().with("normalize", "false");

    assertThat(plain.toTrainingParameters().getStringParameter("DataIndexer", ""))
        .isEqualTo("OnePassRealValue");
    assertThat(plain.with("wordVectorLength", "0").toTrainingParameters()
        .getStringParameter("DataIndexer", "")).isEqualTo("OnePass");
  }

  @Test
  void aSettingsFileMustSayWhetherToUseWordVectors() {
    java.util.Properties p = TrainingSettings.defaults().toProperties();
    p.remove("wordVectorLength");

    assertThatIllegalArgumentException().isThrownBy(() -> TrainingSettings.fromProperties(p))
        .withMessageContaining("wordVectorLength");
  }

  @Test
  void rejectsAStreamThatIsNotAModel() {
    assertThatThrownBy(() -> IntentModel.read(new ByteArrayInputStream(new byte[] {1, 2, 3})))
        .isInstanceOf(IOException.class);
  }

  @Test
  void needsAtLeastTwoIntentsToTrain() {
    assertThatIllegalArgumentException().isThrownBy(() -> IntentTrainer.train(
        List.of(new LabeledText("hello", "greet")), TrainingSettings.defaults()));
  }

  @Test
  void softerTemperatureLowersTheTopConfidence() {
    double sharp = model.classify("report a pothole").best().confidence();
    double soft = model.withTemperature(3).classify("report a pothole").best().confidence();

    assertThat(soft).isLessThan(sharp);
  }
}
