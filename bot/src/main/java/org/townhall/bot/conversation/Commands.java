package org.townhall.bot.conversation;

import java.util.Locale;
import java.util.Set;

/**
 * Words that mean the same at every step, whatever the classifier thinks. Matched on the whole
 * message, lower-cased, without punctuation.
 */
final class Commands {

  private static final Set<String> PERSON = Set.of(
      "human", "agent", "person", "a person", "a human", "operator", "staff", "talk to a person",
      "speak to a person", "speak to someone", "talk to someone", "real person", "human please",
      "agent please", "person please", "/human");

  private static final Set<String> BACK_TO_BOT = Set.of(
      "cancel", "back to the bot", "back to bot", "go back to the bot", "never mind", "nevermind", "stop waiting");

  private static final Set<String> RESTART = Set.of("restart", "start again", "start over", "/restart", "/start",
      "menu", "main menu");

  private static final Set<String> STOP = Set.of("stop", "end", "end chat", "quit", "exit", "/stop");

  private static final Set<String> SOMETHING_ELSE = Set.of("something else", "none of these", "none of them",
      "neither", "other");

  private static final Set<String> YES = Set.of("yes", "yes thanks", "yes thank you", "yeah", "yep", "y", "it did",
      "that helped", "thanks", "thank you");

  private static final Set<String> NO = Set.of("no", "nope", "n", "no it didn t", "not really", "it didn t",
      "that didn t help", "no thanks");

  private Commands() {}

  static boolean asksForPerson(String text) {
    return PERSON.contains(normalise(text));
  }

  static boolean cancels(String text) {
    return BACK_TO_BOT.contains(normalise(text));
  }

  static boolean restarts(String text) {
    return RESTART.contains(normalise(text));
  }

  static boolean stops(String text) {
    return STOP.contains(normalise(text));
  }

  static boolean somethingElse(String text) {
    return SOMETHING_ELSE.contains(normalise(text));
  }

  /** True for yes, false for no, null for anything else. */
  static Boolean feedback(String text) {
    String said = normalise(text);
    if (YES.contains(said)) {
      return Boolean.TRUE;
    }
    return NO.contains(said) ? Boolean.FALSE : null;
  }

  static String normalise(String text) {
    return text.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replaceAll("[^\\p{L}\\p{N}/ ]+", " ").trim()
        .replaceAll("\\s+", " ");
  }
}
