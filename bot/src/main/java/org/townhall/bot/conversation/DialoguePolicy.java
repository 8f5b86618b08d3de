package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.townhall.bot.collection.CollectionLookup;
import org.townhall.bot.collection.Postcode;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.nlu.Understanding;
import org.townhall.bot.store.StaffStore;
import org.townhall.nlp.classify.Verdict;
import org.townhall.nlp.content.IntentDefinition;

/**
 * Turns a resident's message into the machine's events. Which event a message is depends on the
 * state (staff have it: record only), on the commands that work at every step (a person, restart,
 * stop), on what the bot just asked (a choice, a detail, "Did that help?"), and otherwise on the
 * classifier's verdict. The machine's guards and actions then decide what happens.
 */
@Component
class DialoguePolicy {

  /** At most this many words with the postcode ("my postcode is cf10 1ep") for it to count as bare. */
  private static final int BARE_POSTCODE_WORDS = 6;

  private final IntentUnderstanding understanding;
  private final AnswerCatalog catalog;
  private final Phrases phrases;
  private final SlotAnswers slots;
  private final StaffStore staff;

  DialoguePolicy(IntentUnderstanding understanding, AnswerCatalog catalog, Phrases phrases, SlotAnswers slots,
      StaffStore staff) {
    this.understanding = understanding;
    this.catalog = catalog;
    this.phrases = phrases;
    this.slots = slots;
    this.staff = staff;
  }

  /** What the message means, before any state change. */
  record Reading(List<ConversationEvent> events, Understanding understanding, String intent, CollectionLookup lookup) {

    static Reading of(ConversationEvent event) {
      return new Reading(List.of(event), null, null, null);
    }
  }

  Reading read(ConversationRecord conversation, String text) {
    ConversationState state = conversation.state();
    if (state == ConversationState.WITH_AGENT) {
      return Reading.of(ConversationEvent.RESIDENT_WROTE);
    }
    if (state == ConversationState.AWAITING_AGENT) {
      ConversationEvent event = whileWaiting(text);
      // While the bot is paused, "back to the bot" would only bounce the resident back into the queue
      // (and lose their place): the message is for staff instead.
      if (event == ConversationEvent.RESIDENT_CANCELLED && staff.botPause().isPresent()) {
        event = ConversationEvent.RESIDENT_WROTE;
      }
      return Reading.of(event);
    }
    List<ConversationEvent> events = new ArrayList<>();
    if (state == ConversationState.CLOSED) {
      events.add(ConversationEvent.REOPENED);
      state = ConversationState.BOT;
    }
    Understanding understood = understanding.understand(text);
    if (staff.botPause().isPresent()) {
      return paused(text, understood, events);
    }
    return command(text, understood, events)
        .or(() -> replyToQuestion(conversation, text, understood, events))
        .or(() -> postcodeForLastTopic(conversation, text, understood, events))
        .orElseGet(() -> classified(text, understood, events));
  }

  /**
   * The kill switch is on: the bot answers nothing and everyone goes to the queue (routed by the
   * classifier's best guess, so they still reach the right team); only "stop" still works.
   */
  private Reading paused(String text, Understanding understood, List<ConversationEvent> events) {
    if (Commands.stops(text)) {
      return reading(events, ConversationEvent.STOPPED, understood, null, null);
    }
    String guess = understood.verdict() == Verdict.REJECT ? null : understood.best().intent();
    String topic = guess != null && catalog.intent(guess).isPresent() ? guess : null;
    return reading(events, ConversationEvent.BOT_PAUSED, understood, topic, null);
  }

  private ConversationEvent whileWaiting(String text) {
    if (Commands.cancels(text) || Commands.restarts(text) || is(text, "option.cancel")) {
      return ConversationEvent.RESIDENT_CANCELLED;
    }
    return Commands.stops(text) ? ConversationEvent.STOPPED : ConversationEvent.RESIDENT_WROTE;
  }

  private Optional<Reading> command(String text, Understanding understood, List<ConversationEvent> events) {
    ConversationEvent event = null;
    if (Commands.restarts(text)) {
      event = ConversationEvent.RESTARTED;
    } else if (Commands.stops(text)) {
      event = ConversationEvent.STOPPED;
    } else if (Commands.asksForPerson(text) || is(text, "option.person")) {
      event = ConversationEvent.ASKED_FOR_PERSON;
    }
    if (event == null) {
      return Commands.personRequestIn(text).map(rest -> personAbout(rest, understood, events));
    }
    return Optional.of(reading(events, event, understood, null, null));
  }

  /**
   * "Can I speak to a person about my council tax bill": a person, for the team of what the rest of
   * the message is about (an urgent topic stays urgent); without a topic, the last one, as for a
   * plain "talk to a person".
   */
  private Reading personAbout(String rest, Understanding understood, List<ConversationEvent> events) {
    Optional<IntentDefinition> topic = rest.isBlank() ? Optional.empty() : topicOf(understanding.understand(rest));
    if (topic.isPresent() && topic.get().urgent()) {
      return reading(events, ConversationEvent.URGENT, understood, topic.get().id(), null);
    }
    return reading(events, ConversationEvent.ASKED_FOR_PERSON, understood,
        topic.map(IntentDefinition::id).orElse(null), null);
  }

  /** The council topic a reading points to, if any: not a request for a person, not small talk. */
  private Optional<IntentDefinition> topicOf(Understanding reading) {
    if (reading.verdict() == Verdict.REJECT) {
      return Optional.empty();
    }
    return catalog.intent(reading.best().intent())
        .filter(i -> !i.id().equals(DialogueActions.HUMAN_AGENT_INTENT) && !AnswerCatalog.isSmallTalk(i));
  }

  /**
   * A bare postcode ("CF10 1EP", "it's cf10 1ep") right after a topic the bot answered, which the
   * classifier cannot place by itself: the postcode is for that topic, or for the lookup its team
   * answers by postcode (a missed bin, then a postcode: that address's collection days).
   */
  private Optional<Reading> postcodeForLastTopic(ConversationRecord conversation, String text,
      Understanding understood, List<ConversationEvent> events) {
    String last = conversation.attributes().get(Attributes.LAST_INTENT);
    Optional<Postcode> postcode = Postcode.find(text);
    if (last == null || postcode.isEmpty() || understood.verdict() == Verdict.ANSWER
        || Commands.normalise(text).split(" ").length > BARE_POSTCODE_WORDS) {
      return Optional.empty();
    }
    return catalog.intent(last)
        .flatMap(topic -> topic.slots().contains(DialogueActions.POSTCODE) ? Optional.of(topic)
            : catalog.pack().intents().stream()
                .filter(i -> i.team().equals(topic.team()) && i.slots().contains(DialogueActions.POSTCODE))
                .findFirst())
        .map(topic -> reading(events, ConversationEvent.UNDERSTOOD, understood, topic.id(),
            slots.lookup(postcode.get())));
  }

  /** The message answers what the bot just asked: a choice, a detail, or "Did that help?". */
  private Optional<Reading> replyToQuestion(ConversationRecord conversation, String text, Understanding understood,
      List<ConversationEvent> events) {
    var attributes = conversation.attributes();
    ConversationState state = conversation.state();
    if (state == ConversationState.CLARIFYING) {
      String picked = attributes.get(Attributes.CHOICE_PREFIX + text.trim());
      if (picked != null && catalog.intent(picked).isPresent()) {
        IntentDefinition intent = catalog.intent(picked).get();
        ConversationEvent event = specialEvent(intent).orElse(ConversationEvent.CHOICE_PICKED);
        return Optional.of(reading(events, event, understood, picked, null));
      }
      if (Commands.somethingElse(text) || is(text, "option.something-else")) {
        return Optional.of(reading(events, ConversationEvent.SOMETHING_ELSE, understood, null, null));
      }
    }
    if (state == ConversationState.COLLECTING) {
      if (is(text, "option.skip.detail")) {
        return Optional.of(reading(events, ConversationEvent.DETAIL_SKIPPED, understood, null, null));
      }
      if (Commands.doesNotKnow(text)) {
        return Optional.of(reading(events, ConversationEvent.DETAIL_INVALID, understood, null, null));
      }
      if (Commands.cancels(text) || is(text, "option.cancel.detail") || Commands.somethingElse(text)
          || is(text, "option.something-else")) {
        return Optional.of(reading(events, ConversationEvent.RESIDENT_CANCELLED, understood, null, null));
      }
      Optional<Postcode> postcode = Postcode.find(text);
      if (postcode.isPresent()) {
        return Optional.of(reading(events, ConversationEvent.DETAIL_GIVEN, understood,
            attributes.get(Attributes.PENDING_INTENT), slots.lookup(postcode.get())));
      }
      boolean asksSomethingNew = understood.verdict() == Verdict.ANSWER
          && !understood.best().intent().equals(attributes.get(Attributes.PENDING_INTENT));
      if (!asksSomethingNew || Postcode.looksLikeAnAttempt(text)) {
        return Optional.of(reading(events, ConversationEvent.DETAIL_INVALID, understood, null, null));
      }
    }
    if (state == ConversationState.BOT && attributes.containsKey(Attributes.AWAITING_FEEDBACK)
        && Commands.feedback(text) != null) {
      return Optional.of(reading(events, ConversationEvent.FEEDBACK_GIVEN, understood, null, null));
    }
    // "cancel" with nothing to cancel means "never mind": start afresh, and it is not a miss.
    if (is(text, "option.else") || Commands.cancels(text)) {
      return Optional.of(reading(events, ConversationEvent.SOMETHING_ELSE, understood, null, null));
    }
    return Optional.empty();
  }

  /**
   * The pack's life-safety pointer for this message, if one matches ("I can smell gas", "the house
   * is on fire"). Whatever the classifier makes of such a message (a pothole, a "Did you mean",
   * or nothing), the resident must see the emergency number first.
   */
  Optional<String> emergencyPointer(String text) {
    return catalog.pack().signposts().emergency(text).map(DialogueActions::spoken);
  }

  private Reading classified(String text, Understanding understood, List<ConversationEvent> events) {
    IntentDefinition intent = catalog.intent(understood.best().intent()).orElse(null);
    if (understood.verdict() == Verdict.REJECT || intent == null) {
      return reading(events, ConversationEvent.NOT_UNDERSTOOD, understood, null, null);
    }
    // Safety first: a likely urgent topic or a likely request for a person is never a multiple choice.
    Optional<ConversationEvent> special = specialEvent(intent);
    if (special.isPresent()) {
      return reading(events, special.get(), understood, intent.id(), null);
    }
    if (understood.verdict() == Verdict.CLARIFY) {
      return reading(events, ConversationEvent.UNSURE, understood, null, null);
    }
    CollectionLookup lookup = intent.slots().contains(DialogueActions.POSTCODE)
        ? Postcode.find(text).map(slots::lookup).orElse(null)
        : null;
    return reading(events, ConversationEvent.UNDERSTOOD, understood, intent.id(), lookup);
  }

  private static Optional<ConversationEvent> specialEvent(IntentDefinition intent) {
    if (intent.urgent()) {
      return Optional.of(ConversationEvent.URGENT);
    }
    if (intent.id().equals(DialogueActions.HUMAN_AGENT_INTENT)) {
      return Optional.of(ConversationEvent.ASKED_FOR_PERSON);
    }
    return Optional.empty();
  }

  private static Reading reading(List<ConversationEvent> before, ConversationEvent event, Understanding understood,
      String intent, CollectionLookup lookup) {
    List<ConversationEvent> events = new ArrayList<>(before);
    events.add(event);
    return new Reading(events, understood, intent, lookup);
  }

  /** Whether the text is (the tap of) one of the bot's own quick replies. */
  private boolean is(String text, String optionKey) {
    return Commands.normalise(text).equals(Commands.normalise(phrases.get(optionKey)));
  }
}
