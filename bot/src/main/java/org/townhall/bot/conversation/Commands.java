package org.townhall.bot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /** A request for a person inside a longer message: "can I speak to a person about my council tax bill". */
  private static final Pattern PERSON_REQUEST = Pattern.compile(
      "\\b(?:(?:speak|talk|chat)(?: to| with)(?: a| an| the| some)?(?: real| actual| live)?"
          + " (?:person|human|someone|somebody|one|advisor|adviser|agent|operator|member of staff|staff|people)"
          + "|(?:real|actual|live) (?:person|human))\\b");

  /**
   * A resident asking for their data to be deleted (UK GDPR, the right to erasure): the whole message,
   * e.g. "delete my data", "please erase all my details", "forget me", "/forget". Only whole messages,
   * so that "how do I delete my account on the parking app" is still a question.
   */
  private static final Pattern FORGET = Pattern.compile(
      "(?:please |can you |could you |i want you to |i d like you to |i would like you to )?"
          + "(?:(?:delete|erase|remove|wipe|forget|clear)(?: all)?(?: of)? my"
          + " (?:data|personal data|details|personal details|information|personal information|info|messages|chat"
          + "|conversation|conversations|history|chat history)"
          + "|forget me|forget about me|/forget)(?: please| now| thanks| thank you)?");

  /**
   * A clear yes to "Delete everything?": stricter than {@link #YES}, where "thanks" counts as a yes to
   * "Did that help?" but must never delete anything.
   */
  private static final Set<String> ERASE_YES = Set.of("yes", "y", "yeah", "yep", "yes please", "yes delete",
      "yes delete it", "yes delete everything", "yes delete my data", "delete", "delete it", "delete everything",
      "yes do it", "do it", "confirm", "i confirm");

  /** The resident cannot give the detail asked for. */
  private static final Set<String> DOES_NOT_KNOW = Set.of("i don t know", "i dont know", "don t know", "dont know",
      "not sure", "i m not sure", "im not sure", "no idea", "dunno", "idk", "i don t know it", "i don t know my postcode",
      "don t know my postcode", "i can t remember", "can t remember", "i forgot", "forgot", "i have no idea",
      "no clue", "not a clue", "i don t have one", "i don t have it");

  /** Words around a request for a person that say nothing about a topic ("can I", "please", "now"). */
  private static final Set<String> FILLER = Set.of("can", "could", "may", "i", "id", "d", "want", "would", "like",
      "to", "please", "need", "a", "an", "the", "me", "let", "you", "now", "just", "hi", "hello", "about", "is",
      "there", "it", "possible", "and", "ok", "okay", "thanks", "thank", "else", "with", "pls", "plz", "ask", "if");

  private Commands() {}

  /**
   * What else a message says when it asks for a person within a longer sentence, e.g. "about my
   * council tax bill" from "can I speak to a person about my council tax bill"; empty when it does
   * not ask for one.
   */
  static Optional<String> personRequestIn(String text) {
    String said = normalise(text);
    Matcher m = PERSON_REQUEST.matcher(said);
    if (!m.find()) {
      return Optional.empty();
    }
    String rest = (said.substring(0, m.start()) + " " + said.substring(m.end())).replaceAll("\\s+", " ").strip();
    // "can I speak to a person please" says nothing else: no topic to look for.
    boolean saysMore = java.util.Arrays.stream(rest.split(" ")).anyMatch(w -> !w.isEmpty() && !FILLER.contains(w));
    return Optional.of(saysMore ? rest : "");
  }

  /** "I don't know", "not sure"…: the resident cannot give the detail the bot asked for. */
  static boolean doesNotKnow(String text) {
    return DOES_NOT_KNOW.contains(normalise(text));
  }

  /** "delete my data", "/forget"…: the resident asks for everything kept about them to be deleted. */
  static boolean forgets(String text) {
    return FORGET.matcher(normalise(text)).matches();
  }

  /** A clear yes to the question whether to delete everything. */
  static boolean confirmsErasure(String text) {
    return ERASE_YES.contains(normalise(text));
  }

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
