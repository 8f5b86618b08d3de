package org.townhall.nlp.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Replaces British council synonyms by one canonical wording ("wheelie bin" → "bin",
 * "fly-tipping" → "flytipping", "ctax" → "council tax"), so a phrase and a message that say the
 * same thing in different words share their features. The list is a plain, editor-readable file,
 * {@value #RESOURCE}, kept deliberately short: WordNet's general senses were measured to pull
 * out-of-scope messages into council intents (docs/nlu.md).
 *
 * <p>Immutable and thread-safe.
 */
final class Synonyms {

  static final String RESOURCE = "/org/townhall/nlp/pack/en/synonyms.txt";

  /** Variant → canonical words, grouped by the variant's first word, longest variant first. */
  private final Map<String, List<Replacement>> byFirstWord;

  private record Replacement(List<String> variant, List<String> canonical) {}

  private Synonyms(Map<String, List<Replacement>> byFirstWord) {
    this.byFirstWord = byFirstWord;
  }

  /** The built-in list; a broken list is a build error, so it fails loudly here. */
  static Synonyms builtIn(Function<String, List<String>> tokenizer) {
    try (InputStream in = Synonyms.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return parse(reader.lines().toList(), tokenizer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /**
   * Reads lines of the form {@code canonical: variant, variant}; blank lines and lines starting
   * with {@code #} are ignored. Both sides are tokenised by {@code tokenizer}, so the file is
   * written as residents write and matched as the normaliser sees it.
   *
   * @throws IllegalArgumentException naming the line, for a malformed or contradictory entry
   */
  static Synonyms parse(List<String> lines, Function<String, List<String>> tokenizer) {
    Map<List<String>, List<String>> replacements = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      List<String> canonical = colon < 0 ? List.of() : tokenizer.apply(line.substring(0, colon));
      if (canonical.isEmpty()) {
        throw new IllegalArgumentException(
            "line " + (i + 1) + ": expected 'canonical: variant, variant'");
      }
      for (String text : line.substring(colon + 1).split(",")) {
        List<String> variant = tokenizer.apply(text);
        if (variant.isEmpty() || variant.equals(canonical)) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": empty variant or variant equal to its canonical form");
        }
        List<String> earlier = replacements.putIfAbsent(variant, canonical);
        if (earlier != null && !earlier.equals(canonical)) {
          throw new IllegalArgumentException(
              "line " + (i + 1) + ": '" + text.strip() + "' already maps to " + earlier);
        }
      }
    }
    Map<String, List<Replacement>> byFirstWord = new HashMap<>();
    replacements.forEach((variant, canonical) -> byFirstWord
        .computeIfAbsent(variant.get(0), k -> new ArrayList<>())
        .add(new Replacement(variant, canonical)));
    byFirstWord.values().forEach(list -> list.sort(
        Comparator.comparingInt((Replacement r) -> r.variant().size()).reversed()));
    return new Synonyms(Map.copyOf(byFirstWord));
  }

  /** {@code tokens} with every variant replaced by its canonical words, longest match first. */
  List<String> apply(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    int i = 0;
    while (i < tokens.size()) {
      Replacement match = longestAt(tokens, i);
      if (match == null) {
        out.add(tokens.get(i));
        i++;
      } else {
        out.addAll(match.canonical());
        i += match.variant().size();
      }
    }
    return out;
  }

  private Replacement longestAt(List<String> tokens, int start) {
    List<Replacement> candidates = byFirstWord.get(tokens.get(start));
    if (candidates == null) {
      return null;
    }
    for (Replacement candidate : candidates) {
      int size = candidate.variant().size();
      if (start + size <= tokens.size()
          && tokens.subList(start, start + size).equals(candidate.variant())) {
        return candidate;
      }
    }
    return null;
  }
}
