package org.townhall.bot.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class CollectionRoundsTests {

  private static final CollectionRounds DEMO =
      new CollectionRounds(new CollectionProperties(null, null, null));

  @TempDir
  Path dir;

  private static Postcode postcode(String text) {
    return Postcode.find(text).orElseThrow();
  }

  private CollectionRounds rounds(String csv) throws IOException {
    Path file = Files.writeString(dir.resolve("rounds.csv"), csv, StandardCharsets.UTF_8);
    return new CollectionRounds(
        new CollectionProperties(file, "Test Council", URI.create("https://example.org/find")));
  }

  @Test
  void theMostSpecificAreaWinsPostcodeThenSectorThenDistrict() throws IOException {
    CollectionRounds rounds = rounds("""
        area,round,day,weeks,bins
        CF10,DISTRICT,Monday,weekly,recycling
        CF10 1,SECTOR,Tuesday,weekly,recycling
        CF10 1EP,POSTCODE,Wednesday,weekly,recycling
        """);

    assertThat(roundOf(rounds, "CF10 1EP")).isEqualTo("POSTCODE");
    assertThat(roundOf(rounds, "CF10 1EQ")).isEqualTo("SECTOR");
    assertThat(roundOf(rounds, "CF10 2EP")).isEqualTo("DISTRICT");
  }

  @Test
  void aPostcodeWithNoMatchingAreaIsOutsideTheCouncilsArea() throws IOException {
    CollectionRounds rounds = rounds("""
        area,round,day,weeks,bins
        CF10 1,SECTOR,Tuesday,weekly,recycling
        """);

    assertThat(rounds.lookup(postcode("CF10 2AB")))
        .isEqualTo(new CollectionLookup.OutsideArea(postcode("CF10 2AB")));
    assertThat(rounds.lookup(postcode("SW1A 1AA")))
        .isInstanceOf(CollectionLookup.OutsideArea.class);
    assertThat(rounds.councilName()).isEqualTo("Test Council");
    assertThat(rounds.findCouncilUrl()).isEqualTo(URI.create("https://example.org/find"));
  }

  @ParameterizedTest
  @CsvSource({
      "CF10 2AB, TUESDAY", "CF10 1EP, MONDAY", "CF10 5AN, WEDNESDAY", "CF10 5AP, TUESDAY",
      "CF11 9XR, WEDNESDAY", "CF14 9ZZ, FRIDAY", "CF14 1AA, MONDAY", "CF14 2AA, TUESDAY",
      "CF14 3AB, WEDNESDAY", "CF14 4AA, THURSDAY", "CF24 3AB, THURSDAY",
  })
  void theDemoCouncilCoversCf10Cf11Cf14AndCf24(String postcode, DayOfWeek day) {
    CollectionLookup lookup = DEMO.lookup(postcode(postcode));

    assertThat(lookup).isInstanceOfSatisfying(CollectionLookup.Found.class,
        found -> assertThat(found.schedule().day()).isEqualTo(day));
  }

  @ParameterizedTest
  @ValueSource(strings = {"CF15 7AA", "CF5 1AA", "NP20 1AA", "SW1A 1AA", "GIR 0AA"})
  void theDemoCouncilSaysOtherPostcodesAreNotItsOwn(String postcode) {
    assertThat(DEMO.lookup(postcode(postcode))).isInstanceOf(CollectionLookup.OutsideArea.class);
  }

  @Test
  void theDemoCouncilAnswersInPlainEnglish() {
    CollectionLookup.Found found = (CollectionLookup.Found) DEMO.lookup(postcode("CF24 3AB"));

    String answer = found.schedule().describe(LocalDate.parse("2026-11-23"));
    assertThat(answer).isEqualTo("Your bins are collected on Thursdays. Your next collection is "
        + "Thursday 26 November: recycling (green bags), food waste (brown caddy) and general "
        + "waste (black bin). The collection after that is Thursday 3 December: recycling (green "
        + "bags), food waste (brown caddy) and garden waste (green bin). Put your bins out by 7am.");
    assertThat(DEMO.councilName()).isEqualTo("Demo Council");
    assertThat(DEMO.findCouncilUrl()).hasToString("https://www.gov.uk/find-local-council");
  }

  @Test
  void aMissingFileStopsStartUpNamingIt() {
    Path missing = dir.resolve("nope.csv");

    assertThatIllegalStateException()
        .isThrownBy(() -> new CollectionRounds(new CollectionProperties(missing, null, null)))
        .withMessageContaining(missing.toString());
  }

  @Test
  void aFileThatIsNotUtf8StopsStartUpWithAHint() throws IOException {
    String csv = "area,round,day,weeks,bins\nCF10,R1,Monday,weekly,caf\u00e9\n";
    Path file = Files.write(dir.resolve("latin1.csv"), csv.getBytes(StandardCharsets.ISO_8859_1));

    assertThatIllegalStateException()
        .isThrownBy(() -> new CollectionRounds(new CollectionProperties(file, null, null)))
        .withMessageContaining("not UTF-8");
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(CollectionProperties.class)
  @Import(CollectionRounds.class)
  static class CollectionsOnly {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
      .withUserConfiguration(CollectionsOnly.class);

  @Test
  void springLoadsTheDemoFromTheClasspathOrTheConfiguredFile() throws IOException {
    // As in application.yml: an empty file setting means the demo.
    context.withPropertyValues("townhall.collections.rounds-file=",
            "townhall.collections.council-name=Demo Council",
            "townhall.collections.find-council-url=https://www.gov.uk/find-local-council")
        .run(started -> assertThat(started.getBean(CollectionRounds.class)
            .lookup(postcode("CF14 1AA"))).isInstanceOf(CollectionLookup.Found.class));

    Path file = Files.writeString(dir.resolve("ours.csv"),
        "area,round,day,weeks,bins\nNP20,N1,Friday,weekly,recycling\n");
    context.withPropertyValues("townhall.collections.rounds-file=" + file,
            "townhall.collections.council-name=Newport",
            "townhall.collections.find-council-url=https://example.org/councils")
        .run(started -> {
          CollectionRounds rounds = started.getBean(CollectionRounds.class);
          assertThat(rounds.lookup(postcode("CF14 1AA")))
              .isInstanceOf(CollectionLookup.OutsideArea.class);
          assertThat(roundOf(rounds, "NP20 1AA")).isEqualTo("N1");
          assertThat(rounds.councilName()).isEqualTo("Newport");
          assertThat(rounds.findCouncilUrl()).hasToString("https://example.org/councils");
        });
  }

  @Test
  void springRefusesToStartWithAMalformedFile() throws IOException {
    Path file = Files.writeString(dir.resolve("bad.csv"),
        "area,round,day,weeks,bins\nCF10,R1,Funday,weekly,recycling\n");

    context.withPropertyValues("townhall.collections.rounds-file=" + file)
        .run(started -> assertThat(started).getFailure().rootCause()
            .hasMessage("Collection rounds file " + file + ", line 2: day 'Funday' is not a day "
                + "of the week (Monday to Sunday)"));
  }

  @Test
  void aNewFileIsCheckedWithItsLineUsedWholeAndTheConfiguredOneComesBack() throws IOException {
    CollectionRounds rounds = rounds("area,round,day,weeks,bins\nCF10,OLD,Monday,weekly,recycling\n");
    String next = "area,round,day,weeks,bins\nCF10,NEW,Friday,weekly,recycling\n";

    assertThat(rounds.check(next, "rounds.csv")).isEmpty();
    RoundsFileException mistake = rounds.check("area,round,day,weeks,bins\nCF10,X,Monday,weekly,glass\nCF10,X,"
        + "Funday,weekly,glass\n", "rounds.csv").orElseThrow();
    assertThat(mistake.line()).isEqualTo(3);
    assertThat(mistake.reason()).isEqualTo("day 'Funday' is not a day of the week (Monday to Sunday)");
    assertThat(roundOf(rounds, "CF10 1EP")).as("checking changes nothing").isEqualTo("OLD");

    rounds.use(next, "content version 3");
    assertThat(roundOf(rounds, "CF10 1EP")).isEqualTo("NEW");
    assertThat(rounds.text()).isEqualTo(next);
    assertThatIllegalStateException().isThrownBy(() -> rounds.use("area,round\nCF10,X\n", "content version 4"));
    assertThat(roundOf(rounds, "CF10 1EP")).as("a broken file leaves the rounds in use").isEqualTo("NEW");

    rounds.use(null, "content version 5");
    assertThat(roundOf(rounds, "CF10 1EP")).isEqualTo("OLD");
  }

  @Test
  void aPreviewCountsWhatChangesAndSaysWhatResidentsWouldBeTold() throws IOException {
    CollectionRounds rounds = rounds("""
        area,round,day,weeks,bins
        CF10,TUE,Tuesday,weekly,recycling
        CF11,WED,Wednesday,weekly,recycling
        CF14,FRI,Friday,weekly,recycling
        """);
    String next = """
        area,round,day,weeks,bins
        CF10,TUE,Tuesday,weekly,recycling
        CF11,THU,Thursday,weekly,recycling
        CF24,MON,Monday,weekly,recycling
        """;

    CollectionRounds.Preview preview = rounds.preview(next, "rounds.csv", List.of("CF14 2AB", "cf11 6aa", "hello"), 8,
        LocalDate.of(2026, 12, 7)); // a Monday

    assertThat(preview.areas()).isEqualTo(3);
    assertThat(preview.added()).isEqualTo(1);
    assertThat(preview.removed()).isEqualTo(1);
    assertThat(preview.changed()).isEqualTo(1);
    assertThat(preview.rows()).extracting(CollectionRounds.PreviewRow::area)
        .containsExactly("CF11", "CF24", "CF14 2AB", "CF11 6AA", "hello");
    assertThat(preview.rows().get(0).now()).startsWith("Your bins are collected on Wednesdays. Your next collection "
        + "is Wednesday 9 December");
    assertThat(preview.rows().get(0).withNewFile()).startsWith("Your bins are collected on Thursdays. Your next "
        + "collection is Thursday 10 December");
    assertThat(preview.rows().get(1).now()).isEqualTo("Not in the rounds file now.");
    assertThat(preview.rows().get(2).now()).startsWith("Your bins are collected on Fridays");
    assertThat(preview.rows().get(2).withNewFile()).isEqualTo("Not in Test Council's area.");
    assertThat(preview.rows().get(4).now()).isEqualTo("Not a postcode.");
  }

  private static String roundOf(CollectionRounds rounds, String postcode) {
    CollectionLookup lookup = rounds.lookup(postcode(postcode));
    assertThat(lookup).isInstanceOf(CollectionLookup.Found.class);
    return ((CollectionLookup.Found) lookup).schedule().round();
  }
}
