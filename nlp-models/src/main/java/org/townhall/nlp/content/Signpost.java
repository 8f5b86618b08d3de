package org.townhall.nlp.content;

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
 * @param when the word sets; the signpost matches a message holding every word of any one set
 */
public record Signpost(String id, String text, String link, boolean emergency, TriggerWords when) {

  /** Whether the message's normalised words hold every word of one of the {@link #when} sets. */
  boolean matches(Set<String> words) {
    return when.matches(words);
  }
}
