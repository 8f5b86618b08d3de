package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What staff look for; every part is optional, and a conversation must match all the parts given.
 *
 * @param idStart the eight hex digits a reference names ({@link ConversationReferences#idStart}), or null
 * @param words words its resident's and staff's lines must all hold ({@link #wordsOf}), possibly none
 * @param activeFrom it last changed at or after this, or null
 * @param activeTo it started before this, or null: with {@code activeFrom}, it was active in between
 * @param team a team it was handed, transferred or taken over to, or null
 * @param outcome a wrap-up code it was closed with, or null
 */
public record SearchQuery(String idStart, Set<String> words, Instant activeFrom, Instant activeTo, String team,
    String outcome) {

  private static final Pattern ID_START = Pattern.compile("[0-9a-f]{8}");

  public SearchQuery {
    // A reference's digits name a key in Redis: only ever the form a reference has.
    if (idStart != null && !ID_START.matcher(idStart).matches()) {
      throw new IllegalArgumentException("not a reference's digits: " + idStart);
    }
    words = words == null ? Set.of() : Set.copyOf(words);
  }

  /** The words search finds in a text, as conversations keep them: lower case, accents dropped, 2–40 characters. */
  public static Set<String> wordsOf(String text) {
    return SearchWords.of(text);
  }

  boolean matches(ConversationRecord conversation, HandlingHistory history) {
    return (activeTo == null || conversation.createdAt().isBefore(activeTo))
        && (team == null || history.teams().contains(team))
        && (outcome == null || history.outcomes().contains(outcome));
  }
}
