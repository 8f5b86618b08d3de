package org.townhall.bot.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * Words that mean the same at every step, whatever the classifier thinks: asking for a person, and
 * going back to the bot while waiting. Matched on the whole message, lower-cased, without
 * punctuation.
 */
final class Commands {

  private static final Set<String> PERSON = Set.of(
      "human", "agent", "person", "a person", "a human", "operator", "staff", "talk to a person",
      "speak to a person", "speak to someone", "talk to someone", "real person", "human please",
      "agent please", "person please", "help me human", "/human");

  private static final Set<String> BACK_TO_BOT = Set.of(
      "cancel", "back to the bot", "back to bot", "go back to the bot", "never mind", "nevermind", "stop waiting");

  private Commands() {}

  static boolean asksForPerson(String text) {
    return PERSON.contains(normalise(text));
  }

  static boolean cancelsWaiting(String text) {
    return BACK_TO_BOT.contains(normalise(text));
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}/ ]+", " ").trim().replaceAll("\\s+", " ");
  }
}
