package org.townhall.bot.conversation;

import static org.townhall.bot.conversation.ConversationEvent.AGENT_CLAIMED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_RELEASED;
import static org.townhall.bot.conversation.ConversationEvent.AGENT_REPLIED;
import static org.townhall.bot.conversation.ConversationEvent.ASKED_FOR_PERSON;
import static org.townhall.bot.conversation.ConversationEvent.NOT_UNDERSTOOD;
import static org.townhall.bot.conversation.ConversationEvent.REOPENED;
import static org.townhall.bot.conversation.ConversationEvent.RESIDENT_CANCELLED;
import static org.townhall.bot.conversation.ConversationEvent.RESIDENT_WROTE;
import static org.townhall.bot.conversation.ConversationEvent.UNDERSTOOD;
import static org.townhall.bot.conversation.ConversationEvent.UNSURE;
import static org.townhall.bot.conversation.ConversationEvent.URGENT;
import static org.townhall.bot.conversation.ConversationState.AWAITING_AGENT;
import static org.townhall.bot.conversation.ConversationState.BOT;
import static org.townhall.bot.conversation.ConversationState.CLOSED;
import static org.townhall.bot.conversation.ConversationState.WITH_AGENT;

import java.util.EnumSet;
import java.util.function.Consumer;
import org.springframework.context.annotation.Configuration;
import org.springframework.statemachine.action.Action;
import org.springframework.statemachine.config.EnableStateMachineFactory;
import org.springframework.statemachine.config.EnumStateMachineConfigurerAdapter;
import org.springframework.statemachine.config.builders.StateMachineStateConfigurer;
import org.springframework.statemachine.config.builders.StateMachineTransitionConfigurer;

/**
 * The conversation state machine: every allowed (state, event) pair and what it does. An event not
 * listed for a state is refused, which is how the silence rule holds: in AWAITING_AGENT and
 * WITH_AGENT no event makes the bot answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableStateMachineFactory
class ConversationMachineConfiguration extends EnumStateMachineConfigurerAdapter<ConversationState, ConversationEvent> {

  private final DialogueActions actions;

  ConversationMachineConfiguration(DialogueActions actions) {
    this.actions = actions;
  }

  @Override
  public void configure(StateMachineStateConfigurer<ConversationState, ConversationEvent> states) throws Exception {
    states.withStates().initial(BOT).states(EnumSet.allOf(ConversationState.class));
  }

  @Override
  public void configure(StateMachineTransitionConfigurer<ConversationState, ConversationEvent> transitions)
      throws Exception {
    transitions
        .withInternal().source(BOT).event(UNDERSTOOD).action(does(actions::answer), onError()).and()
        .withInternal().source(BOT).event(UNSURE).action(does(actions::clarify), onError()).and()
        .withExternal().source(BOT).target(AWAITING_AGENT).event(NOT_UNDERSTOOD)
            .action(does(t -> actions.handOff(t, "not_understood")), onError()).and()
        .withExternal().source(BOT).target(AWAITING_AGENT).event(ASKED_FOR_PERSON)
            .action(does(t -> actions.handOff(t, "asked_for_person")), onError()).and()
        .withExternal().source(BOT).target(AWAITING_AGENT).event(URGENT)
            .action(does(actions::urgentHandOff), onError()).and()
        // The silence rule: while staff have it, the resident's words are recorded, never answered.
        .withInternal().source(AWAITING_AGENT).event(RESIDENT_WROTE).and()
        .withInternal().source(WITH_AGENT).event(RESIDENT_WROTE).and()
        .withExternal().source(AWAITING_AGENT).target(BOT).event(RESIDENT_CANCELLED)
            .action(does(actions::cancelWaiting), onError()).and()
        .withExternal().source(AWAITING_AGENT).target(WITH_AGENT).event(AGENT_CLAIMED)
            .action(does(actions::claim), onError()).and()
        .withInternal().source(WITH_AGENT).event(AGENT_REPLIED).action(does(actions::agentReply), onError()).and()
        .withExternal().source(WITH_AGENT).target(BOT).event(AGENT_RELEASED)
            .action(does(actions::release), onError()).and()
        .withExternal().source(AWAITING_AGENT).target(CLOSED).event(ConversationEvent.CLOSED)
            .action(does(actions::close), onError()).and()
        .withExternal().source(WITH_AGENT).target(CLOSED).event(ConversationEvent.CLOSED)
            .action(does(actions::close), onError()).and()
        .withExternal().source(BOT).target(CLOSED).event(ConversationEvent.CLOSED)
            .action(does(actions::close), onError()).and()
        .withExternal().source(CLOSED).target(BOT).event(REOPENED).action(does(actions::reopen), onError());
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
