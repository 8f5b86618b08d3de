package org.townhall.nlp.content;

import java.util.List;

/**
 * What the bot says for an intent.
 *
 * @param text plain-English answer, GOV.UK style; may contain {@code {placeholders}} filled from slots
 * @param link the council page for the topic, or null
 * @param options quick-reply choices offered with the answer (possibly empty)
 */
public record Answer(String text, String link, List<String> options) {

  public Answer {
    options = List.copyOf(options);
  }
}
