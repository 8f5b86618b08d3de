package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.nlu.Understanding;
import org.townhall.bot.store.ConversationRecord;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.Verdict;
import org.townhall.nlp.content.IntentDefinition;

/**
 * Turns a resident's message into the machine's events: which event a message is depends on the
 * state (staff have it: record only), on the commands that work everywhere, on a choice the bot
 * offered, and otherwise on the classifier's verdict.
 */
@Component
class DialoguePolicy {

  private final IntentUnderstanding understanding;
  private final AnswerCatalog catalog;
  private final Phrases phrases;

  DialoguePolicy(IntentUnderstanding understanding, AnswerCatalog catalog, Phrases phrases) {
    this.understanding = understanding;
    this.catalog = catalog;
    this.phrases = phrases;
  }

  /** What the message means, before any state change. */
  record Reading(List<ConversationEvent> events, Understanding understanding, String intent) {}

  Reading read(ConversationRecord conversation, String text) {
    ConversationState state = ConversationState.valueOf(conversation.state());
    if (state == ConversationState.WITH_AGENT) {
      return new Reading(List.of(ConversationEvent.RESIDENT_WROTE), null, null);
    }
    if (state == ConversationState.AWAITING_AGENT) {
      boolean cancels = Commands.cancelsWaiting(text) || Commands.normalise(text).equals(normalisedCancelOption());
      return new Reading(List.of(cancels ? ConversationEvent.RESIDENT_CANCELLED : ConversationEvent.RESIDENT_WROTE),
          null, null);
    }
    List<ConversationEvent> events = new ArrayList<>();
    if (state == ConversationState.CLOSED) {
      events.add(ConversationEvent.REOPENED);
    }
    Understanding understood = understanding.understand(text);
    String picked = conversation.attributes().get(DialogueActions.CHOICE_PREFIX + text.trim());
    if (picked != null && catalog.intent(picked).isPresent()) {
      events.add(eventFor(catalog.intent(picked).get()));
      return new Reading(events, understood, picked);
    }
    if (Commands.asksForPerson(text) || Commands.normalise(text).equals(Commands.normalise(phrases.get("option.person")))) {
      events.add(ConversationEvent.ASKED_FOR_PERSON);
      return new Reading(events, understood, null);
    }
    IntentScore best = understood.best();
    if (understood.verdict() == Verdict.REJECT) {
      events.add(ConversationEvent.NOT_UNDERSTOOD);
      return new Reading(events, understood, null);
    }
    IntentDefinition intent = catalog.intent(best.intent()).orElse(null);
    if (intent == null) {
      events.add(ConversationEvent.NOT_UNDERSTOOD);
      return new Reading(events, understood, null);
    }
    // Safety first: a likely urgent topic or a likely request for a person is never a multiple choice.
    if (understood.verdict() == Verdict.ANSWER || intent.urgent() || isPersonRequest(intent)) {
      events.add(eventFor(intent));
    } else {
      events.add(ConversationEvent.UNSURE);
    }
    return new Reading(events, understood, intent.id());
  }

  private ConversationEvent eventFor(IntentDefinition intent) {
    if (intent.urgent()) {
      return ConversationEvent.URGENT;
    }
    return isPersonRequest(intent) ? ConversationEvent.ASKED_FOR_PERSON : ConversationEvent.UNDERSTOOD;
  }

  private static boolean isPersonRequest(IntentDefinition intent) {
    return intent.id().equals(DialogueActions.HUMAN_AGENT_INTENT);
  }

  private String normalisedCancelOption() {
    return Commands.normalise(phrases.get("option.cancel"));
  }
}
