package org.townhall.nlp.content;

import java.util.List;

/**
 * What the bot says for an intent.
 *
 * @param text plain-English answer, GOV.UK style; may contain {@code {placeholders}} filled from slots
 * @param link the council page for the topic, or null
 * @param options quick-reply choices offered with the answer (possibly empty)
 * @param review its owner, review-by date and source page, or null when the file gives none
 */
public record Answer(String text, String link, List<String> options, Review review) {

  public Answer {
    options = List.copyOf(options);
  }

  /** An answer nobody has set a review for. */
  public Answer(String text, String link, List<String> options) {
    this(text, link, options, null);
  }
}
