package org.townhall.bot.conversation;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.townhall.bot.collection.CollectionLookup;
import org.townhall.bot.conversation.ResidentNotServed.Why;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.content.Answer;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.Signpost;

/** What the machine's transitions do to a turn: answer, clarify, collect, hand off, and the staff steps. */
@Component
class DialogueActions {

  static final String HUMAN_AGENT_INTENT = "human_agent";
  static final String POSTCODE = "postcode";
  /** The general team: routing when nothing better is known. */
  static final String DEFAULT_TEAM = "customer-services";
  private static final int CHOICES = 3;

  private final AnswerCatalog catalog;
  private final Phrases phrases;
  private final OfficeHours officeHours;
  private final SlotAnswers slotAnswers;
  private final StaffNames staffNames;
  private final ContactConsent consent;
  private final BotNoticeProperties notice;
  private final SatisfactionSurvey survey;

  DialogueActions(AnswerCatalog catalog, Phrases phrases, OfficeHours officeHours, SlotAnswers slotAnswers,
      StaffNames staffNames, ContactConsent consent, BotNoticeProperties notice, SatisfactionSurvey survey) {
    this.notice = notice;
    this.survey = survey;
    this.staffNames = staffNames;
    this.consent = consent;
    this.catalog = catalog;
    this.phrases = phrases;
    this.officeHours = officeHours;
    this.slotAnswers = slotAnswers;
  }

  /**
   * Guard: the intent needs a detail the conversation does not have yet, and the message did not
   * give one (a postcode in the question counts, even one outside the area: that gets its own answer).
   */
  boolean needsDetail(Turn turn) {
    return turn.lookup() == null && missingSlot(turn, turn.intent()) != null;
  }

  /** Guard: the resident already failed to be understood just before. */
  boolean missedBefore(Turn turn) {
    return Integer.parseInt(turn.attributes().getOrDefault(Attributes.MISSES, "0")) >= 1;
  }

  /** Guard: the postcode given is in the council's area. */
  boolean detailInArea(Turn turn) {
    return turn.lookup() instanceof CollectionLookup.Found;
  }

  void answer(Turn turn) {
    resetDialogue(turn);
    IntentDefinition intent = catalog.intent(turn.intent()).orElseThrow();
    // A postcode given with the question itself ("bin day for CF10 1EP?") counts as given.
    if (turn.lookup() instanceof CollectionLookup.Found found && intent.slots().contains(POSTCODE)) {
      turn.attributes().put(Attributes.SLOT_PREFIX + POSTCODE, found.postcode().formatted());
    } else if (turn.lookup() instanceof CollectionLookup.OutsideArea && intent.slots().contains(POSTCODE)) {
      outsideArea(turn);
      return;
    }
    Answer answer = intent.answer();
    String text = intent.slots().isEmpty()
        ? answer.text()
        : slotAnswers.answer(intent, turn.attributes(), LocalDateTime.ofInstant(turn.now(), officeHours.zone()));
    List<String> options = new ArrayList<>(answer.options());
    if (intent.handoff() && !options.contains(phrases.get("option.person"))) {
      options.add(phrases.get("option.person"));
    }
    turn.say(Sender.BOT, withLink(text, answer.link()), options);
    turn.attributes().put(Attributes.LAST_INTENT, intent.id());
    if (!AnswerCatalog.isSmallTalk(intent)) {
      List<String> feedbackOptions = new ArrayList<>(List.of(phrases.get("option.yes"), phrases.get("option.no")));
      turn.say(Sender.BOT, phrases.get("feedback.ask"), feedbackOptions);
      turn.attributes().put(Attributes.AWAITING_FEEDBACK, intent.id());
    }
  }

  /** The resident picked one of the choices {@link #clarify} offered: what their message meant. */
  void picked(Turn turn) {
    turn.learn(Why.PICKED, turn.intent());
  }

  void askForDetail(Turn turn) {
    resetDialogue(turn);
    String slot = missingSlot(turn, turn.intent());
    turn.attributes().put(Attributes.PENDING_INTENT, turn.intent());
    turn.attributes().put(Attributes.LAST_INTENT, turn.intent());
    turn.say(Sender.BOT, phrases.get("ask." + slot), List.of(phrases.get("option.cancel.detail")));
  }

  void acceptDetail(Turn turn) {
    answer(turn.answering(turn.attributes().get(Attributes.PENDING_INTENT)));
  }

  void cancelDetail(Turn turn) {
    resetDialogue(turn);
    turn.say(Sender.BOT, phrases.get("cancelled.detail"), List.of());
  }

  void outsideArea(Turn turn) {
    var outside = (CollectionLookup.OutsideArea) turn.lookup();
    turn.attributes().remove(Attributes.PENDING_INTENT);
    turn.say(Sender.BOT, phrases.get("postcode.outside", outside.postcode().formatted()), List.of());
  }

  /**
   * Asks again for a detail that was not usable; after two tries, or at "I don't know", offers a way
   * out instead (where to look it up, go on without it, or a person), never the same question forever.
   */
  void retryDetail(Turn turn) {
    int tries = Integer.parseInt(turn.attributes().getOrDefault(Attributes.DETAIL_TRIES, "0")) + 1;
    turn.attributes().put(Attributes.DETAIL_TRIES, Integer.toString(tries));
    if (tries >= 2 || Commands.doesNotKnow(turn.text())) {
      turn.say(Sender.BOT, phrases.get("postcode.way-out"), List.of(phrases.get("option.skip.detail"),
          phrases.get("option.person"), phrases.get("option.cancel.detail")));
    } else {
      turn.say(Sender.BOT, phrases.get("postcode.invalid"), List.of(phrases.get("option.cancel.detail")));
    }
  }

  /** The resident goes on without the detail: the topic's answer in general. */
  void skipDetail(Turn turn) {
    answer(turn.answering(turn.attributes().get(Attributes.PENDING_INTENT)));
  }

  void clarify(Turn turn) {
    resetDialogue(turn);
    List<String> options = new ArrayList<>();
    for (IntentScore candidate : turn.understanding().candidates(CHOICES)) {
      String title = catalog.title(candidate.intent());
      options.add(title);
      turn.attributes().put(Attributes.CHOICE_PREFIX + title, candidate.intent());
    }
    options.add(phrases.get("option.something-else"));
    options.add(phrases.get("option.person"));
    turn.say(Sender.BOT, phrases.get("clarify"), options);
    turn.learn(Why.CLARIFIED, null);
  }

  void askToRephrase(Turn turn) {
    resetDialogue(turn);
    turn.attributes().put(Attributes.MISSES, "1");
    turn.learn(Why.NOT_UNDERSTOOD, null);
    turn.say(Sender.BOT, withSignpost(turn, phrases.get("not-understood")), List.of(phrases.get("option.person")));
  }

  void somethingElse(Turn turn) {
    resetDialogue(turn);
    turn.say(Sender.BOT, phrases.get("something-else"), List.of(phrases.get("option.person")));
  }

  void recordFeedback(Turn turn) {
    String intent = turn.attributes().remove(Attributes.AWAITING_FEEDBACK);
    boolean helped = Boolean.TRUE.equals(Commands.feedback(turn.text()));
    turn.attributes().put(Attributes.FEEDBACK_PREFIX + intent, helped ? "yes" : "no");
    if (helped) {
      turn.say(Sender.BOT, phrases.get("feedback.thanks"), List.of());
    } else {
      turn.learn(Why.NOT_HELPED, null);
      turn.say(Sender.BOT, phrases.get("feedback.sorry"), List.of(phrases.get("option.person"), phrases.get("option.else")));
    }
  }

  void restart(Turn turn) {
    turn.leaveQueue();
    turn.attributes().clear();
    turn.say(Sender.BOT, ResidentMessages.welcomeText(phrases, notice), ResidentMessages.welcomeOptions(phrases));
  }

  void stop(Turn turn) {
    close(turn);
  }

  void handOff(Turn turn, String reason) {
    resetDialogue(turn);
    if (reason.equals("not_understood")) {
      turn.learn(Why.NOT_UNDERSTOOD, null);
    }
    if (reason.equals("not_understood") || reason.equals("asked_for_person")) {
      turn.learn(Why.HANDED_TO_PERSON, null);
    }
    turn.queue(ticket(turn, false, reason));
    // While the bot is paused there is no bot to go back to: no "Back to the bot" choice.
    List<String> backToBot = reason.equals("bot_paused") ? List.of() : List.of(phrases.get("option.cancel"));
    String line;
    List<String> options;
    if (officeHours.isOpen(turn.now())) {
      line = phrases.get("handoff." + reason);
      options = backToBot;
    } else if (reason.equals("bot_paused")) {
      line = phrases.get("handoff.bot_paused.closed", officeHours.nextOpeningSpoken(turn.now()));
      options = List.of();
    } else {
      line = phrases.get("handoff.closed", officeHours.nextOpeningSpoken(turn.now()));
      options = List.of(phrases.get("option.cancel"));
    }
    // A second miss still gets the pointer: someone who smells gas must not only be told to wait.
    turn.say(Sender.BOT, reason.equals("not_understood") ? withSignpost(turn, line) : line, options);
  }

  void urgentHandOff(Turn turn) {
    resetDialogue(turn);
    IntentDefinition intent = catalog.intent(turn.intent()).orElseThrow();
    turn.say(Sender.BOT, withLink(intent.answer().text(), intent.answer().link()), List.of());
    turn.attributes().put(Attributes.LAST_INTENT, intent.id());
    turn.queue(ticket(turn, true, "urgent"));
    turn.say(Sender.BOT, phrases.get(officeHours.isOpen(turn.now()) ? "handoff.urgent" : "handoff.urgent.closed"),
        List.of());
  }

  void cancelWaiting(Turn turn) {
    turn.leaveQueue();
    resetDialogue(turn);
    turn.say(Sender.BOT, phrases.get("cancelled"), List.of());
  }

  /**
   * A message after the conversation closed starts afresh: the dialogue and the details the resident
   * gave (e.g. a postcode) are forgotten, while the transcript, which staff see, goes on.
   */
  void reopen(Turn turn) {
    turn.leaveQueue();
    resetDialogue(turn);
    turn.attributes().remove(Attributes.WRAP_UP);
    // The satisfaction question was about how it closed: a new exchange has none yet.
    SatisfactionSurvey.forget(turn.attributes());
    turn.attributes().remove(Attributes.SURVEY_RATING);
    turn.attributes().keySet().removeIf(k -> k.startsWith(Attributes.SLOT_PREFIX));
    turn.attributes().remove(Attributes.LAST_INTENT);
  }

  void claim(Turn turn) {
    joins(turn, turn.agent());
  }

  /**
   * A supervisor takes the conversation from the bot (watching it, they saw it needs a person): it is
   * theirs at once, for its topic's team, and the resident is told who joined, as after a claim.
   */
  void takeOver(Turn turn) {
    resetDialogue(turn);
    String topic = turn.attributes().remove(Attributes.LAST_INTENT);
    turn.queue(new HandoffTicket(false, teamOf(topic), topic, "taken_over", turn.now()));
    joins(turn, turn.agent());
  }

  /** Guard: the conversation is given to someone other than who has it. */
  boolean toSomeoneElse(Turn turn) {
    return !assignee(turn).equals(turn.owner());
  }

  /** A supervisor's choice of who has it (the staff detail), from the queue or from a colleague. */
  void assign(Turn turn) {
    joins(turn, assignee(turn));
  }

  private static String assignee(Turn turn) {
    return turn.staffDetail() != null ? turn.staffDetail() : turn.agent();
  }

  private void joins(Turn turn, String who) {
    turn.assignTo(who);
    turn.attributes().put(Attributes.CLAIMED_AT, turn.now().toString());
    // Residents see the person's display name and team ("Sam from the council tax team"), never a user name.
    String name = staffNames.name(who);
    turn.say(Sender.SYSTEM, turn.ticket() == null ? phrases.get("agent.joined", name)
        : phrases.get("agent.joined.team", name, StaffNames.teamWords(turn.ticket().team())), List.of());
  }

  void agentReply(Turn turn) {
    turn.sayAsAgent(turn.text(), staffNames.signature(turn.agent(), turn.ticket()));
    turn.attributes().remove(Attributes.SAFEGUARDING_AWAITING_REPLY);
    // First human response time: measured from when the resident started waiting.
    if (turn.ticket() != null && !turn.attributes().containsKey(Attributes.FIRST_RESPONSE_SECONDS)) {
      long seconds = Math.max(0, java.time.Duration.between(turn.ticket().waitingSince(), turn.now()).toSeconds());
      turn.attributes().put(Attributes.FIRST_RESPONSE_SECONDS, Long.toString(seconds));
    }
  }

  /** Guard: this wait has not had a call-back offer yet. */
  boolean notOfferedCallBack(Turn turn) {
    return !turn.attributes().containsKey(Attributes.CALL_BACK_REFERENCE);
  }

  /** Nothing waits unseen: offer a call-back or a message, with a reference staff can look up. */
  void offerCallBack(Turn turn) {
    String reference = ConversationReferences.of(turn.before().id());
    turn.attributes().put(Attributes.CALL_BACK_REFERENCE, reference);
    // On Telegram staff's reply reaches the resident wherever they are: there the offer is a phone call.
    String offer = "telegram".equals(turn.before().channel())
        ? phrases.get("waiting.call-back.telegram", reference, consent.keptFor())
        : phrases.get("waiting.call-back", reference);
    turn.say(Sender.SYSTEM, offer, List.of());
  }

  /**
   * The resident left an email address and/or a phone number (and perhaps a message) for a reply
   * after they have gone: kept with the conversation, never in the transcript, which only says so.
   */
  void leaveContact(Turn turn) {
    ContactDetails details = turn.contact();
    String reference = ConversationReferences.of(turn.before().id());
    String team = turn.ticket() == null ? DEFAULT_TEAM : turn.ticket().team();
    turn.keepCallBack(CallBackRequest.left(reference, details, turn.now(), team, Understood.topicOf(turn.before())));
    String kind = details.email() != null && details.phone() != null ? "both" : details.email() != null ? "email" : "phone";
    // On Telegram staff's reply reaches the resident where they are: a number there is for a call.
    String channel = "telegram".equals(turn.before().channel()) ? ".telegram" : "";
    turn.say(Sender.SYSTEM, phrases.get("call-back.left." + kind + channel, reference), List.of());
  }

  /** Back into the queue, for another team; the resident keeps their place (waiting since is kept). */
  void transfer(Turn turn) {
    HandoffTicket current = turn.ticket() != null ? turn.ticket()
        : new HandoffTicket(false, DEFAULT_TEAM, null, "transferred", turn.now());
    String team = turn.staffDetail() == null ? current.team() : turn.staffDetail();
    turn.queue(new HandoffTicket(current.urgent(), team, current.topic(), "transferred", current.waitingSince(),
        current.safeguarding()));
    turn.assignTo(null);
    turn.attributes().remove(Attributes.CLAIMED_AT);
    turn.say(Sender.SYSTEM, phrases.get("agent.transferred", StaffNames.teamWords(team)), List.of());
  }

  void release(Turn turn) {
    turn.leaveQueue();
    turn.attributes().remove(Attributes.CLAIMED_AT);
    turn.say(Sender.SYSTEM, phrases.get("agent.released"), List.of());
  }

  void close(Turn turn) {
    // Only a member of staff who had the conversation closing it asks how they did (not a resident's
    // "stop", not a supervisor closing one nobody had claimed).
    boolean staffHadIt = turn.agent() != null && turn.before().state() == ConversationState.WITH_AGENT;
    String team = turn.ticket() == null ? DEFAULT_TEAM : turn.ticket().team();
    turn.leaveQueue();
    resetDialogue(turn);
    turn.attributes().remove(Attributes.FIRST_RESPONSE_SECONDS);
    turn.attributes().remove(Attributes.CALL_BACK_REFERENCE);
    turn.attributes().remove(Attributes.SAFEGUARDING_AWAITING_REPLY);
    turn.attributes().remove(Attributes.CLAIMED_AT);
    if (turn.staffDetail() != null) {
      turn.attributes().put(Attributes.WRAP_UP, turn.staffDetail());
    }
    if (turn.staffTopic() != null) {
      turn.learn(Why.TOPIC_RECORDED, turn.staffTopic());
    }
    turn.say(Sender.SYSTEM, phrases.get("closed"), List.of());
    if (staffHadIt) {
      survey.ask(turn, team);
    }
  }

  void timeOut(Turn turn) {
    turn.leaveQueue();
    resetDialogue(turn);
    turn.say(Sender.SYSTEM, phrases.get("timed-out"), List.of());
  }

  private String missingSlot(Turn turn, String intentId) {
    if (intentId == null) {
      return null;
    }
    return catalog.intent(intentId).flatMap(intent -> intent.slots().stream()
        .filter(slot -> !turn.attributes().containsKey(Attributes.SLOT_PREFIX + slot))
        .findFirst()).orElse(null);
  }

  private HandoffTicket ticket(Turn turn, boolean urgent, String reason) {
    // "I want a person" is not a topic: route by what the resident asked about before. A message the
    // bot could not understand has no known topic: the general team, not the last topic's team.
    String topic;
    if (reason.startsWith("not_understood")) {
      topic = null;
    } else if (turn.intent() == null || turn.intent().equals(HUMAN_AGENT_INTENT)) {
      topic = turn.attributes().get(Attributes.LAST_INTENT);
    } else {
      topic = turn.intent();
    }
    String why = officeHours.isOpen(turn.now()) ? reason : reason + ",out_of_hours";
    return new HandoffTicket(urgent, teamOf(topic), topic, why, turn.now());
  }

  /** The team that handles a topic (an intent id); the general team for none. */
  private String teamOf(String topic) {
    return topic == null ? DEFAULT_TEAM : catalog.intent(topic).map(IntentDefinition::team).orElse(DEFAULT_TEAM);
  }

  /** Offered choices, pending questions and miss counts belong to one exchange only. */
  static void resetDialogue(Turn turn) {
    turn.attributes().keySet().removeIf(k -> k.startsWith(Attributes.CHOICE_PREFIX));
    turn.attributes().remove(Attributes.PENDING_INTENT);
    turn.attributes().remove(Attributes.DETAIL_TRIES);
    turn.attributes().remove(Attributes.AWAITING_FEEDBACK);
    turn.attributes().remove(Attributes.MISSES);
  }

  /**
   * The reply to a message the classifier rejected, followed by the pack's pointer to whoever
   * handles it, if one matches. Life-safety pointers are not added here: they come first, as a line
   * of their own, whatever the bot answers (Conversations).
   */
  private String withSignpost(Turn turn, String reply) {
    return catalog.pack().signposts().referral(turn.text())
        .map(s -> reply + "\n\n" + spoken(s))
        .orElse(reply);
  }

  /** A signpost as the bot says it: its text, then its link on a line of its own. */
  static String spoken(Signpost signpost) {
    return withLink(signpost.text(), signpost.link());
  }

  private static String withLink(String text, String link) {
    return link == null ? text : text + "\n" + link;
  }
}
