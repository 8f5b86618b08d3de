package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pack's safeguarding/ folder: reading every field, and every check an editor can trip. */
class SafeguardingReaderTests {

  static final String SETTINGS = """
      threshold: 0.5
      safe-phrases:
        - killing me
      negations: [no, not]
      past-markers: [years ago]
      """;

  static final String GAS = """
      id: gas_carbon_monoxide
      title: Gas or carbon monoxide
      team: customer-services
      help: Call 0800 111 999.
      when:
        - smell gas
      phrases:
        - there's a strong gas smell in the flat
        - the boiler is making us dizzy
      """;

  static final String CHILD = """
      id: child_at_risk
      title: A child at risk
      team: children
      handoff: true
      help: Call {children_services}, or out of hours {emergency_duty_team}.
      phrases:
        - the kids next door are alone all night
      """;

  @TempDir
  Path dir;

  private PackFolder pack() {
    return PackFolder.valid(dir)
        .file("safeguarding/safeguarding.yml", SETTINGS)
        .file("safeguarding/look-alikes.yml", "phrases:\n  - the traffic on this road is murder\n")
        .file("safeguarding/categories/gas_carbon_monoxide.yml", GAS)
        .file("safeguarding/categories/child_at_risk.yml", CHILD);
  }

  private List<String> problems(PackFolder folder) {
    ContentPackException e = catchThrowableOfType(ContentPackException.class, () -> ContentPackReader.read(folder.dir));
    assertThat(e).as("the pack should be refused").isNotNull();
    return e.problems().stream().map(p -> p.file() + ":" + p.line() + " " + p.message()).toList();
  }

  @Test
  void readsEveryField() {
    Safeguarding safeguarding = ContentPackReader.read(pack().dir).safeguarding();

    assertThat(safeguarding.threshold()).isEqualTo(0.5);
    assertThat(safeguarding.categories()).extracting(SafeguardingCategory::id)
        .containsExactly("child_at_risk", "gas_carbon_monoxide");
    SafeguardingCategory child = safeguarding.category("child_at_risk").orElseThrow();
    assertThat(child.handoff()).isTrue();
    assertThat(child.team()).isEqualTo("children");
    assertThat(child.help()).isEqualTo("Call {children_services}, or out of hours {emergency_duty_team}.");
    assertThat(child.when().isEmpty()).isTrue();
    SafeguardingCategory gas = safeguarding.category("gas_carbon_monoxide").orElseThrow();
    assertThat(gas.handoff()).isFalse();
    assertThat(gas.when().sets()).containsExactly(List.of("smell", "gas"));
    assertThat(gas.phrases()).hasSize(2);
    assertThat(safeguarding.lookAlikes()).containsExactly("the traffic on this road is murder");
    assertThat(safeguarding.safePhrases()).containsExactly("killing me");
    assertThat(safeguarding.negations()).containsExactly("no", "not");
    assertThat(safeguarding.pastMarkers()).containsExactly("years ago");
  }

  @Test
  void aPackWithoutTheFolderHasNoSafeguarding() {
    assertThat(ContentPackReader.read(PackFolder.valid(dir).dir).safeguarding()).isSameAs(Safeguarding.NONE);
  }

  @Test
  void eachMistakeIsReportedWithItsFileAndLine() {
    PackFolder folder = pack()
        .file("safeguarding/safeguarding.yml", "threshold: 1.5\ncolour: red\n")
        .file("safeguarding/categories/gas_carbon_monoxide.yml", GAS.replace("team: customer-services", "team: gas")
            .replace("help: Call 0800 111 999.", "help: Call {gas_board}."))
        .file("safeguarding/categories/child_at_risk.yml", CHILD.replace("id: child_at_risk", "id: children"))
        .file("safeguarding/categories/notes.txt", "not a category");

    assertThat(problems(folder)).containsExactlyInAnyOrder(
        "safeguarding/safeguarding.yml:2 unknown field 'colour' in safeguarding/safeguarding.yml (known fields: "
            + "negations, past-markers, safe-phrases, threshold)",
        "safeguarding/safeguarding.yml:1 threshold must be above 0 and at most 1, got 1.5",
        "safeguarding/categories/gas_carbon_monoxide.yml:3 unknown team 'gas' (teams: benefits, business-rates, "
            + "children, council-tax, customer-services, education, elections, environment, highways, housing, "
            + "information-governance, libraries, licensing, parking, planning, registrars, safeguarding, "
            + "social-care, transport, waste)",
        "safeguarding/categories/gas_carbon_monoxide.yml:4 unknown placeholder '{gas_board}' in help (known: "
            + "{children_services}, {adult_services}, {housing_options}, {emergency_duty_team})",
        "safeguarding/categories/child_at_risk.yml:1 id 'children' must equal the file name 'child_at_risk'",
        "safeguarding/categories/notes.txt:0 not a category file: expected <id>.yml");
  }

  @Test
  void aPhraseTwiceInTheFolderIsRefusedButOneAlsoUnderAnIntentIsNot() {
    PackFolder folder = pack().file("safeguarding/look-alikes.yml",
        "phrases:\n  - the boiler is making us dizzy\n  - when is my bin collected\n");

    assertThat(problems(folder)).singleElement().satisfies(p -> assertThat(p)
        .startsWith("safeguarding/categories/gas_carbon_monoxide.yml:9 duplicate phrase 'the boiler is making us dizzy'"));
  }

  @Test
  void aFolderWithoutCategoriesIsRefused() {
    PackFolder folder = PackFolder.valid(dir).file("safeguarding/safeguarding.yml", SETTINGS);

    assertThat(problems(folder)).containsExactly("safeguarding/categories/:0 the safeguarding folder has no categories");
  }

  @Test
  void theBuiltInPackNamesEveryCategoryTheCouncilNeeds() {
    Safeguarding builtIn = ContentPackReader.builtIn().safeguarding();

    assertThat(builtIn.categories()).extracting(SafeguardingCategory::id).containsExactlyInAnyOrder(
        "suicide_self_harm", "domestic_abuse", "threat_to_life", "child_at_risk", "adult_at_risk", "homeless_tonight",
        "gas_carbon_monoxide", "fire_smoke", "electrical_structural", "flooding_home", "no_heating_water_vulnerable",
        "crime_in_progress", "exploitation", "mental_health_crisis");
    assertThat(builtIn.categories()).allSatisfy(c -> assertThat(c.phrases()).hasSizeGreaterThanOrEqualTo(150));
    // Only the hazards the council can only signpost go without a person.
    assertThat(builtIn.categories()).filteredOn(c -> !c.handoff()).extracting(SafeguardingCategory::id)
        .containsExactlyInAnyOrder("gas_carbon_monoxide", "fire_smoke", "flooding_home", "crime_in_progress");
    assertThat(builtIn.category("suicide_self_harm").orElseThrow().help()).contains("116 123", "999");
    assertThat(builtIn.category("domestic_abuse").orElseThrow().help()).contains("0808 2000 247", "0808 80 10 800");
    assertThat(builtIn.category("child_at_risk").orElseThrow().help()).contains("0800 1111", "0808 800 5000",
        "{children_services}");
    assertThat(builtIn.category("gas_carbon_monoxide").orElseThrow().help()).contains("0800 111 999");
    assertThat(builtIn.category("exploitation").orElseThrow().help()).contains("08000 121 700");
    assertThat(builtIn.category("mental_health_crisis").orElseThrow().help()).contains("NHS 111");
    assertThat(builtIn.category("threat_to_life").orElseThrow().help()).contains("101");
    assertThat(builtIn.category("homeless_tonight").orElseThrow().help()).contains("{housing_options}");
    assertThat(builtIn.category("adult_at_risk").orElseThrow().help()).contains("{adult_services}");
  }
}
