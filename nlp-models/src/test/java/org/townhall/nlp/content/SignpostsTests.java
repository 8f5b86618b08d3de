package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townhall.nlp.content.ContentPackException.Problem;

/** signposts.yml: reading, checking, and which message a signpost matches. */
class SignpostsTests {

  static final String SIGNPOSTS = """
      signposts:
        - id: gas_emergency
          emergency: true
          text: Call 0800 111 999.
          when:
            - smell gas
            - carbon monoxide
        - id: power_cut
          text: Call 105.
          link: https://www.powercut105.com
          when:
            - power cut
        - id: gas_anything
          text: Any gas question.
          when:
            - gas
      """;

  @TempDir
  Path dir;

  private Signposts read(String yaml) {
    return ContentPackReader.read(PackFolder.valid(dir).file("signposts.yml", yaml).dir).signposts();
  }

  private Optional<String> find(String message) {
    return read(SIGNPOSTS).find(message).map(Signpost::id);
  }

  @Test
  void readsEveryFieldInFileOrder() {
    Signposts signposts = read(SIGNPOSTS);

    assertThat(signposts.all()).extracting(Signpost::id)
        .containsExactly("gas_emergency", "power_cut", "gas_anything");
    Signpost gas = signposts.all().get(0);
    assertThat(gas.emergency()).isTrue();
    assertThat(gas.text()).isEqualTo("Call 0800 111 999.");
    assertThat(gas.link()).isNull();
    assertThat(gas.when().sets()).containsExactly(java.util.List.of("smell", "gas"),
        java.util.List.of("carbon", "monoxide"));
    Signpost power = signposts.all().get(1);
    assertThat(power.emergency()).isFalse();
    assertThat(power.link()).isEqualTo("https://www.powercut105.com");
  }

  @Test
  void aPackWithoutTheFileHasNoSignposts() {
    ContentPack pack = ContentPackReader.read(PackFolder.valid(dir).dir);

    assertThat(pack.signposts().all()).isEmpty();
    assertThat(pack.signposts().find("I can smell gas")).isEmpty();
  }

  @Test
  void signpostsAreNeverTrainedOn() {
    ContentPack without = ContentPackReader.read(PackFolder.valid(dir).dir);
    ContentPack with = ContentPackReader.read(PackFolder.valid(dir).file("signposts.yml", SIGNPOSTS).dir);

    assertThat(with.trainingExamples()).isEqualTo(without.trainingExamples());
  }

  @Test
  void needsEveryWordOfALineInAnyOrderAndAnyCase() {
    assertThat(find("I can SMELL gas outside my house")).contains("gas_emergency");
    assertThat(find("Gas! I smell it in the hall")).contains("gas_emergency");
    assertThat(find("we think there's carbon monoxide")).contains("gas_emergency");
    assertThat(find("is there a power cut on our street?")).contains("power_cut");
    assertThat(find("no power since the storm, was it cut off?")).contains("power_cut");
    assertThat(find("my power bill")).isEmpty();
    assertThat(find("I smell burning")).isEmpty();
  }

  @Test
  void theFirstMatchInFileOrderWins() {
    assertThat(find("I smell gas")).contains("gas_emergency");
    assertThat(find("my gas bill is too high")).contains("gas_anything");
  }

  @Test
  void aLifeSafetySignpostWinsWhereverItStandsInTheFile() {
    Signposts lifeSafetyLast = read("""
        signposts:
          - id: gas_anything
            text: Any gas question.
            when:
              - gas
          - id: power_cut
            text: Call 105.
            when:
              - power cut
          - id: gas_emergency
            emergency: true
            text: Call 0800 111 999.
            when:
              - smell gas
        """);

    assertThat(lifeSafetyLast.find("I smell gas")).map(Signpost::id).contains("gas_emergency");
    assertThat(lifeSafetyLast.emergency("I smell gas")).map(Signpost::id).contains("gas_emergency");
    assertThat(lifeSafetyLast.find("my gas bill")).map(Signpost::id).contains("gas_anything");
  }

  @Test
  void aReferralIsAnOrdinarySignpostAndNeverStandsBesideALifeSafetyOne() {
    Signposts signposts = read(SIGNPOSTS);

    assertThat(signposts.referral("is there a power cut")).map(Signpost::id).contains("power_cut");
    assertThat(signposts.emergency("is there a power cut")).isEmpty();
    assertThat(signposts.referral("I smell gas and there is a power cut")).isEmpty();
    assertThat(signposts.emergency("I smell gas and there is a power cut")).map(Signpost::id)
        .contains("gas_emergency");
  }

  @Test
  void matchesWholeWordsAndTheirSimplePluralOrIngForm() {
    assertThat(find("I have gastric flu")).isEmpty();
    assertThat(find("the cutlery is powerful")).isEmpty();
    assertThat(find("smelling gas in the kitchen")).contains("gas_emergency");
    assertThat(find("it smells like gas")).contains("gas_emergency");
    assertThat(find("are there power cuts today")).contains("power_cut");
    assertThat(find("what are greenhouse gases")).contains("gas_anything");
  }

  @Test
  void neverFailsOnOddInput() {
    Signposts signposts = read(SIGNPOSTS);

    assertThat(signposts.find(null)).isEmpty();
    assertThat(signposts.emergency(null)).isEmpty();
    assertThat(signposts.referral(null)).isEmpty();
    assertThat(signposts.find("")).isEmpty();
    assertThat(signposts.find("   \n\t")).isEmpty();
    assertThat(signposts.find("🔥🔥🔥 💨")).isEmpty();
    assertThat(signposts.find("\u0000\u0001binary\uFFFD\uD800")).isEmpty();
    assertThat(signposts.find("x".repeat(1_000_000))).isEmpty();
    assertThat(signposts.find("smell gas " + "🙂".repeat(100_000))).map(Signpost::id).contains("gas_emergency");
    assertThat(signposts.find("🙂smell🙂gas🙂")).map(Signpost::id).contains("gas_emergency");
  }

  @Test
  void reportsEveryProblemWithItsFileAndLine() {
    ContentPackException e = catchThrowableOfType(ContentPackException.class, () -> read("""
        signposts:
          - id: Gas-Emergency
            text: Call 0800 111 999.
            colour: red
            emergency: maybe
            link: not a link
            when:
              - smell gas
              - 0800 111 999
              - "!!!"
          - id: power_cut
            when: power cut
          - id: power_cut
            text: Call 105.
            when: []
          - just text
        """));

    assertThat(e.problems()).extracting(Problem::toString).containsExactly(
        "signposts.yml:2: id 'Gas-Emergency' must be lower_snake_case",
        "signposts.yml:4: unknown field 'colour' in a signpost"
            + " (known fields: emergency, id, link, text, when)",
        "signposts.yml:5: 'emergency' must be true or false",
        "signposts.yml:6: link 'not a link' must be a full web address, e.g. https://www.gov.uk/...",
        "signposts.yml:9: 'when' line '0800 111 999' must hold words only,"
            + " no numbers, postcodes or currency signs",
        "signposts.yml:10: 'when' line '!!!' has no words",
        "signposts.yml:11: missing required field 'text'",
        "signposts.yml:12: 'when' must be a list (lines starting '- ')",
        "signposts.yml:13: duplicate id 'power_cut' (already at signposts.yml:11)",
        "signposts.yml:15: 'when' must not be empty",
        "signposts.yml:16: each item of 'signposts' must be a mapping of fields");
  }

  @Test
  void reportsAFileWithoutSignpostsAndBrokenYaml() {
    assertThat(catchThrowableOfType(ContentPackException.class, () -> read("""
        signpost:
          - id: x
        """)).problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
        "signposts.yml:1: missing required field 'signposts'",
        "signposts.yml:1: unknown field 'signpost' in signposts.yml (known fields: signposts)");
    assertThat(catchThrowableOfType(ContentPackException.class, () -> read("""
        signposts:
          - id: "unclosed
        """)).problems()).singleElement().satisfies(p -> {
          assertThat(p.file()).isEqualTo("signposts.yml");
          assertThat(p.line()).isBetween(2, 3);
          assertThat(p.message()).startsWith("not valid YAML");
        });
  }
}
