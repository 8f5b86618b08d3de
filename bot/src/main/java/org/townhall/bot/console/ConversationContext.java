package org.townhall.bot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.Understood;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.content.IntentDefinition;

/**
 * What the bot knew when it handed over, put so that staff need not ask again: the conversation's
 * {@link Understood} (detected intent with its confidence and runners-up, details collected, answers
 * given and whether they helped) with the content pack's titles, and suggested answers from the pack.
 */
@Component
class ConversationContext {

  private static final String NOT_A_TOPIC = "Not a council topic";

  private final AnswerCatalog catalog;
  private final ConsoleProperties properties;

  ConversationContext(AnswerCatalog catalog, ConsoleProperties properties) {
    this.catalog = catalog;
    this.properties = properties;
  }

  record Candidate(String intent, String title, double confidence) {}

  record AnswerGiven(String intent, String title, String helped) {}

  record Suggestion(String title, String text) {}

  /**
   * @param intent the topic the handoff is about (or the last one answered), or null
   * @param guesses the classifier's ranking for the resident's latest message: the detected intent
   *     and the runners-up
   * @param slots details the resident gave, e.g. postcode
   * @param answersGiven topics the bot already answered, and whether the resident said it helped
   * @param suggestions the content pack's answers for the likely topics, to adapt and send
   * @param cannedResponses the council's stock replies
   * @param firstResponseSeconds from waiting to the first staff reply, once there is one
   * @param wrapUp how it was closed, once it is
   * @param callBackReference the reference a long-waiting resident was given with a call-back offer, or
   *     that came with the details they left
   * @param contactLeft {@code email} and/or {@code phone} when the resident left them for a reply after
   *     they have gone (shown in the call-back list)
   */
  record View(String intent, String intentTitle, List<Candidate> guesses, Map<String, String> slots,
      List<AnswerGiven> answersGiven, List<Suggestion> suggestions, List<String> cannedResponses,
      Long firstResponseSeconds, String wrapUp, String callBackReference, List<String> contactLeft) {}

  /** A topic as staff read it: its title, or what the classifier's out-of-scope label means. */
  String title(String intent) {
    return LabeledText.OUT_OF_SCOPE.equals(intent) ? NOT_A_TOPIC : catalog.title(intent);
  }

  View of(Understood understood) {
    String intent = understood.topic();
    List<Candidate> guesses = understood.latestGuesses().stream()
        .map(g -> new Candidate(g.intent(), title(g.intent()), g.confidence())).toList();
    Map<String, String> slots = understood.details();
    List<AnswerGiven> answered = understood.answersGiven().stream()
        .map(a -> new AnswerGiven(a.intent(), catalog.title(a.intent()), a.helped())).toList();
    List<Suggestion> suggestions = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    if (intent != null) {
      topics.add(intent);
    }
    guesses.stream().map(Candidate::intent).filter(i -> !topics.contains(i)).limit(2).forEach(topics::add);
    for (String topic : topics) {
      catalog.intent(topic).map(i -> suggestion(i, slots)).ifPresent(suggestions::add);
    }
    return new View(intent, intent == null ? null : catalog.title(intent), guesses, slots, answered, suggestions,
        properties.cannedResponses(), understood.firstResponseSeconds(), understood.wrapUp(),
        understood.callBackReference(), understood.contactLeft());
  }

  /** The pack's answer, with the details the resident gave filled in (e.g. {postcode}). */
  private static Suggestion suggestion(IntentDefinition intent, Map<String, String> slots) {
    String text = intent.answer().link() == null ? intent.answer().text()
        : intent.answer().text() + "\n" + intent.answer().link();
    for (var slot : slots.entrySet()) {
      text = text.replace("{" + slot.getKey() + "}", slot.getValue());
    }
    return new Suggestion(intent.title(), text);
  }
}
