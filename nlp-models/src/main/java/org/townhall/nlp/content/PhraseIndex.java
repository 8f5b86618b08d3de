package org.townhall.nlp.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.townhall.nlp.content.YamlMapping.Text;

/**
 * Finds phrases that appear twice in a pack (under two intents, twice in one, or also in
 * out-of-scope.yml), compared after lower-casing and collapsing spaces.
 */
final class PhraseIndex {

  private record Seen(String file, int line) {}

  private final Map<String, Seen> seen = new HashMap<>();
  private final Problems problems;

  PhraseIndex(Problems problems) {
    this.problems = problems;
  }

  void add(String file, Text phrase) {
    String key = phrase.value().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    Seen first = seen.putIfAbsent(key, new Seen(file, phrase.line()));
    if (first != null) {
      problems.add(file, phrase.line(), "duplicate phrase '" + phrase.value()
          + "' (already at " + first.file() + ":" + first.line() + ")");
    }
  }
}
