package org.townhall.nlp.content;

import java.util.List;
import java.util.Set;

/**
 * A pointer to the organisation that handles something the council does not, as an editor keeps it
 * in {@code signposts.yml}. The bot adds an ordinary one to its "I didn't understand" reply, and
 * only there; a life-safety one ({@link #emergency}) comes first, whatever the bot answers.
 *
 * @param id stable id, lower_snake_case, unique in the file
 * @param text plain English, GOV.UK style, short: who handles it and how to reach them
 * @param link the organisation's page, or null
 * @param emergency life safety: said first, as a line of its own, whatever the bot answers (not
 *     only after "I didn't understand")
 * @param when word sets in normalised form; the signpost matches a message holding every word of
 *     any one set, in any order
 */
public record Signpost(String id, String text, String link, boolean emergency,
    List<List<String>> when) {

  public Signpost {
    when = when.stream().map(List::copyOf).toList();
  }

  /** Whether the message's normalised words hold every word of one of the {@link #when} sets. */
  boolean matches(Set<String> words) {
    return when.stream().anyMatch(set -> set.stream().allMatch(word -> holds(words, word)));
  }

  /** The word itself, or a simple plural or -ing form: "cut" is in "power cuts", "smell" in "smelling". */
  private static boolean holds(Set<String> words, String word) {
    return words.contains(word) || words.contains(word + "s") || words.contains(word + "es")
        || words.contains(word + "ing");
  }
}
