package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.store.HandoffTicket;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.content.Answer;
import org.townhall.nlp.content.IntentDefinition;

/** What the machine's transitions do to a turn: answer, clarify, hand off, and the staff steps. */
@Component
class DialogueActions {

  static final String CHOICE_PREFIX = "choice.";
  static final String HUMAN_AGENT_INTENT = "human_agent";
  private static final String DEFAULT_TEAM = "customer-services";
  private static final int CHOICES = 3;

  private final AnswerCatalog catalog;
  private final Phrases phrases;

  DialogueActions(AnswerCatalog catalog, Phrases phrases) {
    this.catalog = catalog;
    this.phrases = phrases;
  }

  void answer(Turn turn) {
    forgetChoices(turn);
    IntentDefinition intent = catalog.intent(turn.intent()).orElseThrow();
    Answer answer = intent.answer();
    List<String> options = new ArrayList<>(answer.options());
    if (intent.handoff() && !options.contains(phrases.get("option.person"))) {
      options.add(phrases.get("option.person"));
    }
    turn.say("bot", withLink(answer), options);
    turn.attributes().put("lastIntent", intent.id());
  }

  void clarify(Turn turn) {
    forgetChoices(turn);
    List<String> options = new ArrayList<>();
    for (IntentScore candidate : turn.understanding().candidates(CHOICES)) {
      String title = catalog.title(candidate.intent());
      options.add(title);
      turn.attributes().put(CHOICE_PREFIX + title, candidate.intent());
    }
    options.add(phrases.get("option.person"));
    turn.say("bot", phrases.get("clarify"), options);
  }

  void handOff(Turn turn, String reason) {
    forgetChoices(turn);
    turn.queue(ticket(turn, false, reason));
    turn.say("bot", phrases.get("handoff." + reason), List.of(phrases.get("option.cancel")));
  }

  void urgentHandOff(Turn turn) {
    forgetChoices(turn);
    IntentDefinition intent = catalog.intent(turn.intent()).orElseThrow();
    turn.say("bot", withLink(intent.answer()), List.of());
    turn.queue(ticket(turn, true, "urgent"));
    turn.say("bot", phrases.get("handoff.urgent"), List.of());
  }

  void cancelWaiting(Turn turn) {
    turn.leaveQueue();
    turn.say("bot", phrases.get("cancelled"), List.of());
  }

  void reopen(Turn turn) {
    turn.leaveQueue();
    forgetChoices(turn);
  }

  void claim(Turn turn) {
    turn.assignTo(turn.agent());
    turn.say("system", phrases.get("agent.joined", turn.agent()), List.of());
  }

  void agentReply(Turn turn) {
    turn.sayAsAgent(turn.text());
  }

  void release(Turn turn) {
    turn.leaveQueue();
    turn.say("system", phrases.get("agent.released"), List.of());
  }

  void close(Turn turn) {
    turn.leaveQueue();
    forgetChoices(turn);
    turn.say("system", phrases.get("closed"), List.of());
  }

  private HandoffTicket ticket(Turn turn, boolean urgent, String reason) {
    // "I want a person" is not a topic: route by what the resident asked about before.
    String topic = turn.intent() == null || turn.intent().equals(HUMAN_AGENT_INTENT)
        ? turn.attributes().get("lastIntent")
        : turn.intent();
    String team = topic == null ? DEFAULT_TEAM : catalog.intent(topic).map(IntentDefinition::team).orElse(DEFAULT_TEAM);
    return new HandoffTicket(urgent, team, topic, reason, turn.now());
  }

  private static void forgetChoices(Turn turn) {
    turn.attributes().keySet().removeIf(k -> k.startsWith(CHOICE_PREFIX));
  }

  private static String withLink(Answer answer) {
    return answer.link() == null ? answer.text() : answer.text() + "\n" + answer.link();
  }
}
