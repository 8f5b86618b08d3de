package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.content.YamlMapping.Text;
import org.townhall.nlp.text.TextNormalizer;

/**
 * Word sets an editor writes as {@code when} lines: a message matches when it holds every word of
 * one set, in any order, as whole words after the classifier's normalisation (a simple plural or
 * -ing form counts: "cut" is in "power cuts", "smell" in "smelling"). Signposts and safeguarding
 * categories both match this way, so editors learn one rule.
 *
 * @param sets the word sets, in normalised form
 */
public record TriggerWords(List<List<String>> sets) {

  // The normaliser turns every number or postcode into one of these, so a 'when' line holding one
  // would match any number at all.
  private static final Set<String> PLACEHOLDERS = Set.of(TextNormalizer.POSTCODE,
      TextNormalizer.NUMBER, TextNormalizer.ORDINAL, TextNormalizer.CURRENCY);

  public TriggerWords {
    sets = sets.stream().map(List::copyOf).toList();
  }

  /** Whether the message's normalised words hold every word of one of the sets. */
  public boolean matches(Set<String> words) {
    return sets.stream().anyMatch(set -> set.stream().allMatch(word -> holds(words, word)));
  }

  /**
   * Where in the message a set first matches: the position of the earliest word of the matching set
   * that starts soonest, or -1 when none matches.
   *
   * @param firstAt each word of the message and the position where it first occurs
   */
  public int matchStart(Map<String, Integer> firstAt) {
    int start = -1;
    for (List<String> set : sets) {
      int earliest = Integer.MAX_VALUE;
      for (String word : set) {
        int at = positionOf(firstAt, word);
        if (at < 0) {
          earliest = -1;
          break;
        }
        earliest = Math.min(earliest, at);
      }
      if (earliest >= 0 && (start < 0 || earliest < start)) {
        start = earliest;
      }
    }
    return start;
  }

  /** The first position of the word, or of a simple plural or -ing form of it; -1 if absent. */
  private static int positionOf(Map<String, Integer> firstAt, String word) {
    int at = -1;
    for (String form : forms(word)) {
      Integer found = firstAt.get(form);
      if (found != null && (at < 0 || found < at)) {
        at = found;
      }
    }
    return at;
  }

  public boolean isEmpty() {
    return sets.isEmpty();
  }

  /** The word itself, or a simple plural or -ing form. */
  private static boolean holds(Set<String> words, String word) {
    return forms(word).stream().anyMatch(words::contains);
  }

  /** The forms a 'when' word matches: itself, and its simple plural and -ing forms ("smell", "smells", "smelling"). */
  private static List<String> forms(String word) {
    return List.of(word, word + "s", word + "es", word + "ing");
  }

  /** Reads {@code when} lines, recording a problem for a line with no words or with a number. */
  static TriggerWords read(List<Text> lines, String file, Problems problems) {
    List<List<String>> sets = new ArrayList<>();
    for (Text line : lines) {
      words(line, file, problems).ifPresent(sets::add);
    }
    return new TriggerWords(sets);
  }

  private static Optional<List<String>> words(Text line, String file, Problems problems) {
    List<String> words = TextNormalizer.tokens(line.value());
    if (words.isEmpty()) {
      problems.add(file, line.line(), "'when' line '" + line.value() + "' has no words");
      return Optional.empty();
    }
    if (words.stream().anyMatch(PLACEHOLDERS::contains)) {
      problems.add(file, line.line(), "'when' line '" + line.value()
          + "' must hold words only, no numbers, postcodes or currency signs");
      return Optional.empty();
    }
    return Optional.of(List.copyOf(new LinkedHashSet<>(words)));
  }
}
