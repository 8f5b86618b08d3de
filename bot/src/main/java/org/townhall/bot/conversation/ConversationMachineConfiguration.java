package org.townhall.bot.conversation;

import static org.townhall.bot.conversation.ConversationEvent.AGENT_ASSIGNED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_CLAIMED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_RELEASED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_REPLIED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_TOOK_OVER;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_TRANSFERRED;
import static org.townhall.bot.conversation.ConversationEvent.BOT_PAUSED;
import static org.townhall.bot.conversation.ConversationEvent.ASKED_FOR_PERSON;
import static org.townhall.bot.conversation.ConversationEvent.CHOICE_PICKED;
import static org.townhall.bot.conversation.ConversationEvent.CONTACT_LEFT;
import static org.townhall.bot.conversation.ConversationEvent.DETAIL_GIVEN;
import static org.townhall.bot.conversation.ConversationEvent.DETAIL_INVALID;
import static org.townhall.bot.conversation.ConversationEvent.DETAIL_SKIPPED;
import static org.townhall.bot.conversation.ConversationEvent.DISCLOSED;
import static org.townhall.bot.conversation.ConversationEvent.FEEDBACK_GIVEN;
import static org.townhall.bot.conversation.ConversationEvent.NOT_UNDERSTOOD;
import static org.townhall.bot.conversation.ConversationEvent.REOPENED;
import static org.townhall.bot.conversation.ConversationEvent.RESIDENT_CANCELLED;
import static org.townhall.bot.conversation.ConversationEvent.RESIDENT_WROTE;
import static org.townhall.bot.conversation.ConversationEvent.RESTARTED;
import static org.townhall.bot.conversation.ConversationEvent.SOMETHING_ELSE;
import static org.townhall.bot.conversation.ConversationEvent.STOPPED;
import static org.townhall.bot.conversation.ConversationEvent.TIMED_OUT;
import static org.townhall.bot.conversation.ConversationEvent.UNDERSTOOD;
import static org.townhall.bot.conversation.ConversationEvent.UNSURE;
import static org.townhall.bot.conversation.ConversationEvent.WAIT_EXCEEDED;
import static org.townhall.bot.conversation.ConversationEvent.URGENT;
import static org.townhall.bot.conversation.ConversationState.AWAITING_AGENT;
import static org.townhall.bot.conversation.ConversationState.BOT;
import static org.townhall.bot.conversation.ConversationState.CLARIFYING;
import static org.townhall.bot.conversation.ConversationState.CLOSED;
import static org.townhall.bot.conversation.ConversationState.COLLECTING;
import static org.townhall.bot.conversation.ConversationState.WITH_AGENT;

import java.util.EnumSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;
import org.springframework.statemachine.guard.Guard;

/**
 * The conversation state machine: every allowed (state, event) pair, its guard and what it does.
 * An event not listed for a state is refused, which is how the silence rule holds: in
 * AWAITING_AGENT and WITH_AGENT no event makes the bot answer, except DISCLOSED, whose safeguarding
 * help always reaches the resident. Pairs with a guard come in
 * complementary pairs, so exactly one applies.
 */
@Configuration(proxyBeanMethods = false)
@EnableStateMachineFactory
class ConversationMachineConfiguration extends EnumStateMachineConfigurerAdapter<ConversationState, ConversationEvent> {

  private static final EnumSet<ConversationState> WITH_BOT = EnumSet.of(BOT, CLARIFYING, COLLECTING);

  private final DialogueActions actions;
  private final SafeguardingActions safeguarding;

  ConversationMachineConfiguration(DialogueActions actions, SafeguardingActions safeguarding) {
    this.actions = actions;
    this.safeguarding = safeguarding;
  }

  @Override
  public void configure(StateMachineStateConfigurer<ConversationState, ConversationEvent> states) throws Exception {
    states.withStates().initial(BOT).states(EnumSet.allOf(ConversationState.class));
  }

  @Override
  public void configure(StateMachineTransitionConfigurer<ConversationState, ConversationEvent> transitions)
      throws Exception {
    for (ConversationState from : WITH_BOT) {
      go(transitions, from, UNDERSTOOD, COLLECTING, actions::needsDetail, actions::askForDetail);
      go(transitions, from, UNDERSTOOD, BOT, not(actions::needsDetail), actions::answer);
      go(transitions, from, UNSURE, CLARIFYING, null, actions::clarify);
      go(transitions, from, NOT_UNDERSTOOD, AWAITING_AGENT, actions::missedBefore,
          t -> actions.handOff(t, "not_understood"));
      go(transitions, from, NOT_UNDERSTOOD, BOT, not(actions::missedBefore), actions::askToRephrase);
      go(transitions, from, ASKED_FOR_PERSON, AWAITING_AGENT, null, t -> actions.handOff(t, "asked_for_person"));
      go(transitions, from, URGENT, AWAITING_AGENT, null, actions::urgentHandOff);
      go(transitions, from, SOMETHING_ELSE, BOT, null, actions::somethingElse);
      go(transitions, from, RESTARTED, BOT, null, actions::restart);
      go(transitions, from, STOPPED, CLOSED, null, actions::stop);
      go(transitions, from, ConversationEvent.CLOSED, CLOSED, null, actions::close);
      go(transitions, from, TIMED_OUT, CLOSED, null, actions::timeOut);
      go(transitions, from, BOT_PAUSED, AWAITING_AGENT, null, t -> actions.handOff(t, "bot_paused"));
      go(transitions, from, DISCLOSED, AWAITING_AGENT, safeguarding::needsPerson, safeguarding::handOff);
      go(transitions, from, DISCLOSED, BOT, not(safeguarding::needsPerson), safeguarding::signpost);
      go(transitions, from, AGENT_TOOK_OVER, WITH_AGENT, null, actions::takeOver);
    }
    // Safeguarding is the one exception to the silence rule: the help reaches the resident, staff see it.
    go(transitions, AWAITING_AGENT, DISCLOSED, AWAITING_AGENT, null, safeguarding::raise);
    go(transitions, WITH_AGENT, DISCLOSED, WITH_AGENT, null, safeguarding::raise);
    go(transitions, BOT, FEEDBACK_GIVEN, BOT, null, actions::recordFeedback);
    go(transitions, CLARIFYING, CHOICE_PICKED, COLLECTING, actions::needsDetail, t -> {
      actions.picked(t);
      actions.askForDetail(t);
    });
    go(transitions, CLARIFYING, CHOICE_PICKED, BOT, not(actions::needsDetail), t -> {
      actions.picked(t);
      actions.answer(t);
    });
    go(transitions, COLLECTING, DETAIL_GIVEN, BOT, actions::detailInArea, actions::acceptDetail);
    go(transitions, COLLECTING, DETAIL_GIVEN, BOT, not(actions::detailInArea), actions::outsideArea);
    go(transitions, COLLECTING, DETAIL_INVALID, COLLECTING, null, actions::retryDetail);
    go(transitions, COLLECTING, DETAIL_SKIPPED, BOT, null, actions::skipDetail);
    go(transitions, COLLECTING, RESIDENT_CANCELLED, BOT, null, actions::cancelDetail);

    // The silence rule: while staff have it, the resident's words are recorded, never answered.
    go(transitions, AWAITING_AGENT, RESIDENT_WROTE, AWAITING_AGENT, null, null);
    go(transitions, WITH_AGENT, RESIDENT_WROTE, WITH_AGENT, null, null);
    go(transitions, AWAITING_AGENT, RESIDENT_CANCELLED, BOT, null, actions::cancelWaiting);
    go(transitions, AWAITING_AGENT, STOPPED, CLOSED, null, actions::stop);
    go(transitions, AWAITING_AGENT, AGENT_CLAIMED, WITH_AGENT, null, actions::claim);
    go(transitions, AWAITING_AGENT, ConversationEvent.CLOSED, CLOSED, null, actions::close);
    go(transitions, WITH_AGENT, AGENT_REPLIED, WITH_AGENT, null, actions::agentReply);
    go(transitions, WITH_AGENT, AGENT_RELEASED, BOT, null, actions::release);
    go(transitions, WITH_AGENT, ConversationEvent.CLOSED, CLOSED, null, actions::close);
    go(transitions, AWAITING_AGENT, AGENT_ASSIGNED, WITH_AGENT, null, actions::assign);
    go(transitions, WITH_AGENT, AGENT_ASSIGNED, WITH_AGENT, actions::toSomeoneElse, actions::assign);
    go(transitions, AWAITING_AGENT, AGENT_TRANSFERRED, AWAITING_AGENT, null, actions::transfer);
    go(transitions, WITH_AGENT, AGENT_TRANSFERRED, AWAITING_AGENT, null, actions::transfer);
    // Offered once per wait; a second offer is refused (and so a no-op on every other instance).
    go(transitions, AWAITING_AGENT, WAIT_EXCEEDED, AWAITING_AGENT, actions::notOfferedCallBack, actions::offerCallBack);
    // Details for a reply after the resident has gone: only while a person is coming or has it.
    go(transitions, AWAITING_AGENT, CONTACT_LEFT, AWAITING_AGENT, null, actions::leaveContact);
    go(transitions, WITH_AGENT, CONTACT_LEFT, WITH_AGENT, null, actions::leaveContact);
    go(transitions, CLOSED, REOPENED, BOT, null, actions::reopen);
  }

  private static void go(StateMachineTransitionConfigurer<ConversationState, ConversationEvent> transitions,
      ConversationState from, ConversationEvent event, ConversationState to, Predicate<Turn> guard,
      Consumer<Turn> step) throws Exception {
    var transition = from == to
        ? transitions.withInternal().source(from).event(event)
        : null;
    // Every transition takes an action, if only to say it was taken: a guard that refuses leaves the
    // event "accepted" by Statemachine, and the step unmarked is how the machine tells a refusal.
    Consumer<Turn> taken = step == null ? Turn::taken : turn -> {
      turn.taken();
      step.accept(turn);
    };
    if (transition != null) {
      if (guard != null) {
        transition.guard(when(guard));
      }
      transition.action(does(taken), onError());
      return;
    }
    var external = transitions.withExternal().source(from).target(to).event(event);
    if (guard != null) {
      external.guard(when(guard));
    }
    external.action(does(taken), onError());
  }

  private static Predicate<Turn> not(Predicate<Turn> guard) {
    return guard.negate();
  }

  private static Guard<ConversationState, ConversationEvent> when(Predicate<Turn> guard) {
    return context -> guard.test(turnOf(context.getMessageHeaders().get(SpringConversationMachine.TURN_HEADER)));
  }

  private static Action<ConversationState, ConversationEvent> does(Consumer<Turn> step) {
    return context -> step.accept(turnOf(context.getMessageHeaders().get(SpringConversationMachine.TURN_HEADER)));
  }

  private static Action<ConversationState, ConversationEvent> onError() {
    return context -> turnOf(context.getMessageHeaders().get(SpringConversationMachine.TURN_HEADER))
        .fail(context.getException() instanceof RuntimeException e ? e : new IllegalStateException(context.getException()));
  }

  private static Turn turnOf(Object header) {
    return (Turn) header;
  }
}
