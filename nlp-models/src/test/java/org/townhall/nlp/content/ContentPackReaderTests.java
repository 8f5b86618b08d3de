package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.content.ContentPackException.Problem;

class ContentPackReaderTests {

  @TempDir
  Path dir;

  @Test
  void readsAValidPack() {
    ContentPack pack = ContentPackReader.read(PackFolder.valid(dir).dir);

    assertThat(pack.name()).isEqualTo("Test Council");
    assertThat(pack.locale()).isEqualTo("en-GB");
    assertThat(pack.thresholds().answer()).isEqualTo(0.6);
    assertThat(pack.thresholds().clarify()).isEqualTo(0.3);
    assertThat(pack.intents()).extracting(IntentDefinition::id)
        .containsExactly("bin_collection_day", "report_pothole");
    IntentDefinition bins = pack.intent("bin_collection_day").orElseThrow();
    assertThat(bins.team()).isEqualTo("waste");
    assertThat(bins.urgent()).isFalse();
    assertThat(bins.answer().link()).isEqualTo("https://www.example.gov.uk/bin_collection_day");
    assertThat(bins.phrases()).containsExactly("when is my bin collected", "which day is bin day");
    assertThat(pack.outOfScope()).containsExactly(
        "what's the weather tomorrow", "how do I renew my passport");
    assertThat(pack.trainingExamples()).hasSize(6)
        .contains(new LabeledText("report a pothole", "report_pothole"))
        .contains(new LabeledText("how do I renew my passport", LabeledText.OUT_OF_SCOPE));
  }

  @Test
  void readsAllOptionalIntentFields() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_pothole
        title: Report a pothole
        team: highways
        urgent: true
        handoff: true
        slots: [postcode]
        answer:
          text: >-
            You can report a pothole
            online.
          options:
            - Report it now
        phrases:
          - there is a pothole in my road
          - yes
          - 101
        """);

    IntentDefinition intent = ContentPackReader.read(dir).intent("report_pothole").orElseThrow();

    assertThat(intent.urgent()).isTrue();
    assertThat(intent.handoff()).isTrue();
    assertThat(intent.slots()).containsExactly("postcode");
    assertThat(intent.answer().text()).isEqualTo("You can report a pothole online.");
    assertThat(intent.answer().link()).isNull();
    assertThat(intent.answer().options()).containsExactly("Report it now");
    assertThat(intent.phrases()).containsExactly("there is a pothole in my road", "yes", "101");
  }

  @Test
  void readsAnAnswersReviewWithItsOwnerDefaultingToTheIntentsTeam() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_pothole
        title: Report a pothole
        team: highways
        answer:
          text: Report it online.
          review:
            by: 2027-03-31
            source: https://www.example.gov.uk/roads/report-a-pothole
        phrases:
          - there is a pothole in my road
        """).file("intents/bin_collection_day.yml", """
        id: bin_collection_day
        title: Bin day
        team: waste
        answer:
          text: Check your bin day.
          review:
            owner: customer-services
            by: "2026-12-20"
        phrases:
          - which day is bin day
        """);

    ContentPack pack = ContentPackReader.read(dir);

    IntentDefinition pothole = pack.intent("report_pothole").orElseThrow();
    assertThat(pothole.answer().review()).isEqualTo(new Review(null, java.time.LocalDate.of(2027, 3, 31),
        "https://www.example.gov.uk/roads/report-a-pothole"));
    assertThat(pothole.answer().review().ownerOr(pothole.team())).isEqualTo("highways");
    Review bins = pack.intent("bin_collection_day").orElseThrow().answer().review();
    assertThat(bins.ownerOr("waste")).isEqualTo("customer-services");
    assertThat(bins.by()).isEqualTo(java.time.LocalDate.of(2026, 12, 20));
    assertThat(bins.source()).isNull();
  }

  @Test
  void anAnswerWithoutAReviewHasNone() {
    assertThat(ContentPackReader.read(PackFolder.valid(dir).dir).intent("report_pothole").orElseThrow()
        .answer().review()).isNull();
  }

  @Test
  void reportsABadReviewDateSourceOrOwnerWithItsLine() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_pothole
        title: Report a pothole
        team: highways
        answer:
          text: Report it online.
          review:
            owner: roads
            by: 2027-02-30
            source: http://www.example.gov.uk/roads
            when: soon
        phrases:
          - there is a pothole in my road
        """).file("intents/bin_collection_day.yml", """
        id: bin_collection_day
        title: Bin day
        team: waste
        answer:
          text: Check your bin day.
          review:
            by: 31/12/2026
            source: www.example.gov.uk/bins
        phrases:
          - which day is bin day
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class, () -> ContentPackReader.read(dir));

    String pothole = "intents/report_pothole.yml";
    String bins = "intents/bin_collection_day.yml";
    assertThat(e.problems()).extracting(Problem::file, Problem::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(bins, 7),
        org.assertj.core.groups.Tuple.tuple(bins, 8),
        org.assertj.core.groups.Tuple.tuple(pothole, 7),
        org.assertj.core.groups.Tuple.tuple(pothole, 8),
        org.assertj.core.groups.Tuple.tuple(pothole, 9),
        org.assertj.core.groups.Tuple.tuple(pothole, 10));
    assertThat(e.problems()).extracting(Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("review-by date '31/12/2026' must be a date written year-month-day"),
        m -> assertThat(m).contains("review source 'www.example.gov.uk/bins' must be a full https address"),
        m -> assertThat(m).contains("review owner 'roads' is not a team"),
        m -> assertThat(m).contains("review-by date '2027-02-30'"),
        m -> assertThat(m).contains("review source 'http://www.example.gov.uk/roads'"),
        m -> assertThat(m).contains("unknown field 'when' in a review"));
  }

  @Test
  void toleratesAMissingOutOfScopeFile() {
    ContentPack pack = ContentPackReader.read(PackFolder.valid(dir).delete("out-of-scope.yml").dir);

    assertThat(pack.outOfScope()).isEmpty();
    assertThat(pack.intents()).hasSize(2);
  }

  @Test
  void readsJsonIntentFiles() {
    PackFolder.valid(dir).delete("intents/report_pothole.yml").file("intents/report_pothole.json",
        """
        {"id": "report_pothole", "title": "Pothole", "team": "highways",
         "answer": {"text": "Report it online."},
         "phrases": ["there is a pothole in my road"]}
        """);

    assertThat(ContentPackReader.read(dir).intent("report_pothole")).isPresent();
  }

  @Test
  void loadsTheBuiltInPack() {
    ContentPack pack = ContentPackReader.builtIn();

    assertThat(pack.locale()).isEqualTo("en-GB");
    assertThat(pack.intents()).isNotEmpty();
    assertThat(pack.intent("bin_collection_day")).isPresent();
  }

  @Test
  void reportsEveryProblemWithItsFileAndLine() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_potholes
        title:
        team: roads
        colour: red
        urgent: maybe
        answer:
          text: Report it online.
          link: not a link
          options:
            - This option is far too long to be a quick reply
        phrases:
          - there is a pothole in my road
          - When is my  BIN collected
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    String file = "intents/report_pothole.yml";
    assertThat(e.problems()).extracting(Problem::file, Problem::line).containsExactly(
        org.assertj.core.groups.Tuple.tuple(file, 1),
        org.assertj.core.groups.Tuple.tuple(file, 2),
        org.assertj.core.groups.Tuple.tuple(file, 3),
        org.assertj.core.groups.Tuple.tuple(file, 4),
        org.assertj.core.groups.Tuple.tuple(file, 5),
        org.assertj.core.groups.Tuple.tuple(file, 8),
        org.assertj.core.groups.Tuple.tuple(file, 10),
        org.assertj.core.groups.Tuple.tuple(file, 13));
    assertThat(e.problems()).extracting(Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("must equal the file name 'report_pothole'"),
        m -> assertThat(m).contains("'title' must not be empty"),
        m -> assertThat(m).contains("unknown team 'roads'"),
        m -> assertThat(m).contains("unknown field 'colour'"),
        m -> assertThat(m).contains("'urgent' must be true or false"),
        m -> assertThat(m).contains("link 'not a link'"),
        m -> assertThat(m).contains("longer than 25 characters"),
        m -> assertThat(m).contains("duplicate phrase")
            .contains("intents/bin_collection_day.yml:8"));
    assertThat(e.getMessage()).contains("8 problems").contains(file + ":13: duplicate phrase");
  }

  @Test
  void reportsMissingRequiredFieldsAtTheMappingLine() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_pothole
        team: highways
        answer:
          link: https://www.example.gov.uk/roads
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    assertThat(e.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "intents/report_pothole.yml:1: missing required field 'title'",
        "intents/report_pothole.yml:1: missing required field 'phrases'",
        "intents/report_pothole.yml:4: missing required field 'text'");
  }

  @Test
  void reportsYamlThatDoesNotParseWithItsLine() {
    PackFolder.valid(dir).file("intents/report_pothole.yml", """
        id: report_pothole
        title: Pothole
        phrases:
          - "an unclosed quote
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    assertThat(e.problems()).singleElement().satisfies(p -> {
      assertThat(p.file()).isEqualTo("intents/report_pothole.yml");
      assertThat(p.line()).isBetween(4, 5);
      assertThat(p.message()).startsWith("not valid YAML");
    });
  }

  @Test
  void reportsWrongTypesAndBadThresholds() {
    PackFolder.valid(dir).file("pack.yml", """
        name: [Test, Council]
        locale: en-GB
        thresholds:
          answer: 0.2
          clarify: high
        """).file("out-of-scope.yml", """
        phrases: what's the weather
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "out-of-scope.yml:1: 'phrases' must be a list (lines starting '- ')",
        "pack.yml:1: 'name' must be text, not a list or mapping",
        "pack.yml:5: 'clarify' must be a number");
  }

  @Test
  void reportsAPhraseAlsoListedAsOutOfScope() {
    PackFolder.valid(dir).file("out-of-scope.yml", """
        phrases:
          - report a  pothole
        """);

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "out-of-scope.yml:2: duplicate phrase 'report a  pothole'"
            + " (already at intents/report_pothole.yml:9)");
  }

  @Test
  void reportsFilesThatAreNotIntentsAndAMissingPackFile() {
    PackFolder.valid(dir).delete("pack.yml").file("intents/notes.txt", "hello");

    ContentPackException e = catchThrowableOfType(ContentPackException.class,
        () -> ContentPackReader.read(dir));

    assertThat(e.problems()).extracting(Problem::file)
        .containsExactly("intents/notes.txt", "pack.yml");
  }
}
