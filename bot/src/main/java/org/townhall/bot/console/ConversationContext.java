package org.townhall.bot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.store.ConversationRecord;
import org.townhall.bot.store.Guess;
import org.townhall.bot.store.TranscriptEntry;
import org.townhall.nlp.content.IntentDefinition;

/**
 * What the bot knew when it handed over, put so that staff need not ask again: the detected intent
 * with its confidence and runners-up, the details collected (slots), the answers already given and
 * whether they helped, and suggested answers from the content pack.
 */
@Component
class ConversationContext {

  private static final String SLOT_PREFIX = "slot.";
  private static final String FEEDBACK_PREFIX = "feedback.";

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
   * @param callBackReference the reference a long-waiting resident was given with a call-back offer
   */
  record View(String intent, String intentTitle, List<Candidate> guesses, Map<String, String> slots,
      List<AnswerGiven> answersGiven, List<Suggestion> suggestions, List<String> cannedResponses,
      Long firstResponseSeconds, String wrapUp, String callBackReference) {}

  View of(ConversationRecord c, List<TranscriptEntry> transcript) {
    Map<String, String> attributes = c.attributes();
    String intent = c.handoff() != null && c.handoff().topic() != null ? c.handoff().topic()
        : attributes.get("lastIntent");
    List<Guess> latest = List.of();
    for (TranscriptEntry line : transcript) {
      if ("resident".equals(line.from()) && !line.guesses().isEmpty()) {
        latest = line.guesses();
      }
    }
    List<Candidate> guesses = latest.stream()
        .map(g -> new Candidate(g.intent(), catalog.title(g.intent()), g.confidence())).toList();
    Map<String, String> slots = new TreeMap<>();
    List<AnswerGiven> answered = new ArrayList<>();
    attributes.forEach((key, value) -> {
      if (key.startsWith(SLOT_PREFIX)) {
        slots.put(key.substring(SLOT_PREFIX.length()), value);
      } else if (key.startsWith(FEEDBACK_PREFIX)) {
        String id = key.substring(FEEDBACK_PREFIX.length());
        answered.add(new AnswerGiven(id, catalog.title(id), value));
      }
    });
    String last = attributes.get("lastIntent");
    if (last != null && answered.stream().noneMatch(a -> a.intent().equals(last))) {
      answered.add(new AnswerGiven(last, catalog.title(last), null));
    }
    List<Suggestion> suggestions = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    if (intent != null) {
      topics.add(intent);
    }
    guesses.stream().map(Candidate::intent).filter(i -> !topics.contains(i)).limit(2).forEach(topics::add);
    for (String topic : topics) {
      catalog.intent(topic).map(i -> suggestion(i, slots)).ifPresent(suggestions::add);
    }
    String firstResponse = attributes.get("firstResponseSeconds");
    return new View(intent, intent == null ? null : catalog.title(intent), guesses, slots, answered, suggestions,
        properties.cannedResponses(), firstResponse == null ? null : Long.valueOf(firstResponse),
        attributes.get("wrapUp"), attributes.get("callBackReference"));
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
