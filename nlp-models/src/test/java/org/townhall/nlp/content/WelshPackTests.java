package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Welsh pack (issue #19) mirrors the English one: every intent in both, with the same routing
 * (team, flags, details asked for, link), the same placeholders, at least as many training phrases,
 * and the note that its Welsh wants a translator's review before a council goes live.
 */
class WelshPackTests {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{[a-z_]+}");
  private static final String REVIEW_NOTE = "# Cymraeg: wedi'i ysgrifennu gan beiriant; rhaid i gyfieithydd Cymraeg";

  private static Path welshDir;
  private static ContentPack english;
  private static ContentPack welsh;

  @BeforeAll
  static void read() throws Exception {
    welshDir = Path.of(WelshPackTests.class.getClassLoader().getResource("org/townhall/nlp/pack/cy/pack.yml").toURI())
        .getParent();
    english = ContentPackReader.builtIn();
    welsh = ContentPackReader.read(welshDir);
  }

  @Test
  void everyIntentIsInBothLanguagesWithTheSameRouting() {
    Map<String, IntentDefinition> cy = welsh.intentsById();
    assertThat(cy.keySet()).containsExactlyInAnyOrderElementsOf(english.intentsById().keySet());
    assertThat(welsh.locale()).isEqualTo("cy-GB");
    List<String> differences = new ArrayList<>();
    for (IntentDefinition en : english.intents()) {
      IntentDefinition w = cy.get(en.id());
      if (!en.team().equals(w.team()) || en.urgent() != w.urgent() || en.handoff() != w.handoff()
          || !en.slots().equals(w.slots()) || !java.util.Objects.equals(en.answer().link(), w.answer().link())) {
        differences.add(en.id() + ": routing or link differs");
      }
      if (!placeholders(en.answer().text()).equals(placeholders(w.answer().text()))) {
        differences.add(en.id() + ": placeholders " + placeholders(en.answer().text()) + " in English, "
            + placeholders(w.answer().text()) + " in Welsh");
      }
      if (w.phrases().size() < en.phrases().size()) {
        differences.add(en.id() + ": " + w.phrases().size() + " Welsh phrases, " + en.phrases().size() + " English");
      }
      if (w.answer().options().size() != en.answer().options().size()) {
        differences.add(en.id() + ": a different number of quick replies");
      }
    }
    assertThat(differences).isEmpty();
  }

  @Test
  void theSafeguardingHelpInWelshGivesEveryNumberTheEnglishDoes() {
    List<String> missing = new ArrayList<>();
    for (SafeguardingCategory en : english.safeguarding().categories()) {
      SafeguardingCategory cy = welsh.safeguarding().category(en.id()).orElse(null);
      if (cy == null) {
        missing.add(en.id() + ": no Welsh category");
        continue;
      }
      assertThat(cy.team()).as(en.id()).isEqualTo(en.team());
      assertThat(cy.handoff()).as(en.id()).isEqualTo(en.handoff());
      java.util.Set<String> welshNumbers = new java.util.HashSet<>(numbers(cy.help()));
      numbers(en.help()).stream().filter(n -> !welshNumbers.contains(n))
          .forEach(n -> missing.add(en.id() + ": " + n));
      if (!placeholders(en.help()).equals(placeholders(cy.help()).stream().distinct().toList())
          && !new java.util.HashSet<>(placeholders(cy.help())).equals(new java.util.HashSet<>(placeholders(en.help())))) {
        missing.add(en.id() + ": placeholders differ");
      }
    }
    assertThat(missing).isEmpty();
    assertThat(welsh.safeguarding().categories()).hasSameSizeAs(english.safeguarding().categories());
  }

  /** Phone numbers as digits only: "0808 2000 247" → "08082000247"; "999", "116 123". */
  private static List<String> numbers(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = Pattern.compile("\\d[\\d ]*\\d").matcher(text);
    while (m.find()) {
      found.add(m.group().replace(" ", ""));
    }
    return found;
  }

  @Test
  void everyFileSaysItsWelshWantsATranslatorsReview() throws Exception {
    try (Stream<Path> files = Files.walk(welshDir)) {
      List<String> unmarked = files.filter(f -> f.toString().endsWith(".yml"))
          .filter(f -> {
            try {
              return !Files.readString(f).startsWith(REVIEW_NOTE);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          })
          .map(f -> welshDir.relativize(f).toString()).toList();
      assertThat(unmarked).isEmpty();
    }
  }

  private static List<String> placeholders(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = PLACEHOLDER.matcher(text);
    while (m.find()) {
      found.add(m.group());
    }
    return found.stream().sorted().toList();
  }
}
