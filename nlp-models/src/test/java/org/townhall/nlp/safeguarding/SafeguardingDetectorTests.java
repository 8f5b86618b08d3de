package org.townhall.nlp.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;

/**
 * The detector's rules on a small pack: trigger words always count, except when a safe phrase holds
 * them, a negation stands just before them or the message says it is over; long messages are read
 * to the end; no text breaks it.
 */
class SafeguardingDetectorTests {

  @TempDir
  static Path dir;

  static SafeguardingDetector detector;

  @BeforeAll
  static void train() throws IOException {
    write("pack.yml", "name: Test\nlocale: en-GB\nthresholds:\n  answer: 0.6\n  clarify: 0.3\n");
    write("intents/bin_collection_day.yml", """
        id: bin_collection_day
        title: Bin day
        team: waste
        answer:
          text: Here.
        phrases:
          - when is my bin collected
          - which day is bin day
          - my bins were not emptied
        """);
    write("safeguarding/safeguarding.yml", """
        threshold: 0.2
        safe-phrases: [killing me, gas bill]
        negations: [no, not, nothing]
        past-markers: [years ago]
        """);
    write("safeguarding/look-alikes.yml", "phrases:\n  - this queue is killing me\n  - my gas bill is too high\n");
    write("safeguarding/categories/gas_carbon_monoxide.yml", """
        id: gas_carbon_monoxide
        title: Gas
        team: customer-services
        help: Call 0800 111 999.
        when: [smell gas, gas leak]
        phrases:
          - strong smell of gas in my kitchen
          - I think there is a gas leak
        """);
    write("safeguarding/categories/suicide_self_harm.yml", """
        id: suicide_self_harm
        title: Suicide
        team: safeguarding
        handoff: true
        help: Call 116 123.
        when: [kill myself]
        phrases:
          - i want to kill myself
          - i cant go on living
        """);
    ContentPack pack = ContentPackReader.read(dir);
    detector = SafeguardingDetector.train(pack, TrainingSettings.defaults());
  }

  private static void write(String name, String content) throws IOException {
    Path path = dir.resolve(name);
    Files.createDirectories(path.getParent());
    Files.writeString(path, content);
  }

  private static Optional<String> byWords(String message) {
    return detector.byWords(message).stream().map(c -> c.id()).findFirst();
  }

  @Test
  void triggerWordsCountInAnyOrderAndForm() {
    assertThat(byWords("Gas! I can smell it everywhere")).contains("gas_carbon_monoxide");
    assertThat(byWords("smelling gas in the hall")).contains("gas_carbon_monoxide");
    assertThat(detector.detect("smelling gas in the hall")).hasValueSatisfying(c -> {
      assertThat(c.category()).isEqualTo("gas_carbon_monoxide");
      assertThat(c.evidence()).isEqualTo(Concern.Evidence.WORDS);
    });
  }

  @Test
  void aSafePhraseHidesItsWords() {
    assertThat(byWords("my gas bill is huge and i can't smell any difference")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"there is no smell of gas now, they fixed it", "nothing like a gas leak, just a cold radiator"})
  void aNegationJustBeforeTheTriggerLeavesItToTheModel(String message) {
    assertThat(byWords(message)).isEmpty();
  }

  @Test
  void aNegationFarBeforeTheTriggerDoesNot() {
    assertThat(byWords("I'm not sure who to tell but I can smell gas in the stairwell")).contains("gas_carbon_monoxide");
  }

  @Test
  void somethingOverLeavesTheTriggerToTheModel() {
    assertThat(byWords("we had a gas leak years ago, do I still need a new meter")).isEmpty();
  }

  @Test
  void theWholeOfALongMessageIsRead() {
    String message = "my bins were not emptied again ".repeat(60) + "and honestly I want to kill myself";
    assertThat(message.length()).isGreaterThan(SafeguardingDetector.WINDOW * 2);

    assertThat(detector.detect(message)).hasValueSatisfying(c -> assertThat(c.category()).isEqualTo("suicide_self_harm"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "🙂🙂🙂", "\u0000\u0001\uFFFD"})
  void aMessageWithNoWordsIsNoConcern(String message) {
    assertThat(detector.detect(message)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Wie spät ist es?", "<img src=x onerror=alert(1)>", "x", "\uD83D"})
  void noTextBreaksIt(String message) {
    assertThatCode(() -> detector.detect(message)).doesNotThrowAnyException();
    assertThatCode(() -> detector.detect(message.repeat(2_000))).doesNotThrowAnyException();
  }

  @Test
  void nullIsNoConcern() {
    assertThat(detector.detect(null)).isEmpty();
  }

  @Test
  void theModelLearnsNoneFromOrdinaryTopicsToo() {
    List<String> none = SafeguardingDetector.trainingExamples(ContentPackReader.read(dir)).stream()
        .filter(e -> e.outOfScope()).map(e -> e.text()).toList();

    assertThat(none).contains("this queue is killing me", "gas bill", "when is my bin collected");
  }
}
