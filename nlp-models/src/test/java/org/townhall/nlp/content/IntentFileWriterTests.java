package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntentFileWriterTests {

  @Test
  void everyBuiltInIntentReadsBackAsItWasWritten() {
    ContentPack pack = ContentPackReader.builtIn();
    PackArchive files = PackArchive.builtIn();
    for (IntentDefinition intent : pack.intents()) {
      files = files.with(IntentFileWriter.path(intent.id()), IntentFileWriter.write(intent).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(files.read().intents()).isEqualTo(pack.intents());
  }

  /**
   * An editor who changes an intent's answer in its form sees the answer change in the draft, not
   * every long phrase folded onto two lines: phrases are written one to a line, as people write them.
   */
  @Test
  void everyPhraseIsWrittenOnALineOfItsOwnHoweverLong() {
    for (IntentDefinition intent : ContentPackReader.builtIn().intents()) {
      List<String> lines = IntentFileWriter.write(intent).lines().toList();
      List<String> phrases = lines.subList(lines.indexOf("phrases:") + 1, lines.size());
      assertThat(phrases).as(intent.id()).hasSize(intent.phrases().size()).allMatch(line -> line.startsWith("  - "));
    }
  }

  @Test
  void textThatLooksLikeYamlStaysText() {
    IntentDefinition tricky = new IntentDefinition("odd_one", "Odd: one # not a comment", "waste", false, true,
        List.of("postcode"), new Answer("yes\n- no: {postcode} \"quoted\" 'single' & *star", null, List.of("No", "true")),
        List.of("null", "~", "- dash", "0123", "émoji 🙂"));
    PackArchive files = PackArchive.builtIn().with(IntentFileWriter.path("odd_one"),
        IntentFileWriter.write(tricky).getBytes(StandardCharsets.UTF_8));
    assertThat(files.read().intentsById().get("odd_one")).isEqualTo(tricky);
  }

  @Test
  void aReviewIsWrittenAsAnEditorWouldAndReadsBack() {
    Review review = new Review("customer-services", java.time.LocalDate.of(2026, 12, 20),
        "https://www.example.gov.uk/bins/christmas");
    IntentDefinition bins = new IntentDefinition("christmas_bins", "Christmas bins", "waste", false, false, List.of(),
        new Answer("Bins are a day late after Christmas.", null, List.of(), review), List.of("christmas bin day"));

    String yaml = IntentFileWriter.write(bins);

    assertThat(yaml).contains("""
          review:
            owner: customer-services
            by: 2026-12-20
            source: https://www.example.gov.uk/bins/christmas
        """);
    PackArchive files = PackArchive.builtIn().with(IntentFileWriter.path("christmas_bins"),
        yaml.getBytes(StandardCharsets.UTF_8));
    assertThat(files.read().intentsById().get("christmas_bins")).isEqualTo(bins);
  }

  @Test
  void aReviewWithOnlySomeFieldsKeepsTheOthersUnset() {
    IntentDefinition bins = new IntentDefinition("christmas_bins", "Christmas bins", "waste", false, false, List.of(),
        new Answer("Bins are a day late.", null, List.of(), new Review(null, java.time.LocalDate.of(2027, 1, 5), null)),
        List.of("christmas bin day"));

    String yaml = IntentFileWriter.write(bins);

    assertThat(yaml).contains("  review:\n    by: 2027-01-05\n").doesNotContain("owner").doesNotContain("source");
    assertThat(PackArchive.builtIn().with(IntentFileWriter.path("christmas_bins"), yaml.getBytes(StandardCharsets.UTF_8))
        .read().intentsById().get("christmas_bins").answer().review()).isEqualTo(bins.answer().review());
  }

  @Test
  void sourcePagesAreHttpsAddressesAndReviewDatesAreIsoDates() {
    assertThat(IntentFileWriter.isSourcePage("https://www.example.gov.uk/bins")).isTrue();
    assertThat(IntentFileWriter.isSourcePage("http://www.example.gov.uk/bins")).isFalse();
    assertThat(IntentFileWriter.isSourcePage("javascript:alert(1)")).isFalse();
    assertThat(IntentFileWriter.isSourcePage(null)).isFalse();
    assertThat(IntentFileWriter.reviewDate("2027-03-31")).contains(java.time.LocalDate.of(2027, 3, 31));
    assertThat(IntentFileWriter.reviewDate("2027-02-30")).isEmpty();
    assertThat(IntentFileWriter.reviewDate("31/03/2027")).isEmpty();
  }

  @Test
  void idsAreLowerSnakeCaseAndNeverTheOutOfScopeLabel() {
    assertThat(IntentFileWriter.isValidId("report_pothole")).isTrue();
    assertThat(IntentFileWriter.isValidId("oos")).isFalse();
    assertThat(IntentFileWriter.isValidId("../x")).isFalse();
    assertThat(IntentFileWriter.isValidId("Report")).isFalse();
    assertThat(IntentFileWriter.isValidId(null)).isFalse();
  }
}
