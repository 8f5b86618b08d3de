package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The bot's feature packages depend on each other one way (channels -> conversation -> nlu,
 * content, handoff -> store) without cycles, and use only each other's top-level (public) types,
 * never a feature's internals. Fails with the offending dependency.
 */
class ModularityTests {

  static final ApplicationModules MODULES = ApplicationModules.of(TownhallApplication.class);

  /** Features nothing else may depend on: the edges of the system, where requests come in. */
  static final Set<String> ENTRY_POINTS = Set.of("channel", "console");

  /** What each inner feature may use; anything else is a dependency pointing the wrong way. */
  static final Map<String, Set<String>> INNER = Map.ofEntries(
      Map.entry("store", Set.of()),
      Map.entry("collection", Set.of()),
      // A content version may carry the council's bin collection rounds, checked and put in service with it.
      Map.entry("content", Set.of("store", "collection")),
      Map.entry("handoff", Set.of("store")),
      Map.entry("limits", Set.of("store")),
      Map.entry("nlu", Set.of("content")),
      Map.entry("safeguarding", Set.of("content")),
      // privacy: a satisfaction comment is redacted before it reaches the figures.
      Map.entry("conversation", Set.of("nlu", "content", "handoff", "store", "collection", "safeguarding",
          "privacy")),
      // Watches conversations from outside: channels time their steps with it, nothing inner uses it.
      Map.entry("metrics", Set.of("conversation", "handoff", "store")),
      // Counts conversations for managers' figures from outside, like metrics; the console reads them.
      Map.entry("insight", Set.of("conversation", "content", "handoff", "store")),
      // Takes personal data out of residents' words, for every feature that shows or counts them.
      Map.entry("privacy", Set.of()));

  @Test
  void featuresDependOnEachOtherOneWayAndOnlyThroughTheirPublicFaces() {
    MODULES.verify();
  }

  @Test
  void dependenciesPointInward() {
    Map<String, Set<String>> actual = new TreeMap<>();
    for (ApplicationModule module : MODULES) {
      Set<String> targets = new TreeSet<>();
      module.getDirectDependencies(MODULES).stream()
          .map(d -> d.getTargetModule().getIdentifier().toString())
          .forEach(targets::add);
      actual.put(module.getIdentifier().toString(), targets);
    }
    actual.forEach((module, targets) -> {
      assertThat(targets).as("%s must not depend on an entry point", module).doesNotContainAnyElementsOf(ENTRY_POINTS);
      if (INNER.containsKey(module)) {
        assertThat(INNER.get(module)).as("what %s depends on (all: %s)", module, actual).containsAll(targets);
      }
    });
  }
}
