package org.townhall.bot.conversation;

import java.util.Optional;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.support.DefaultStateMachineContext;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link ConversationMachine} on Spring Statemachine: a fresh machine from the factory for each
 * step, reset to the stored state (one machine per conversation, never shared between threads).
 */
@Component
class SpringConversationMachine implements ConversationMachine {

  static final String TURN_HEADER = "turn";

  private final StateMachineFactory<ConversationState, ConversationEvent> factory;

  SpringConversationMachine(StateMachineFactory<ConversationState, ConversationEvent> factory) {
    this.factory = factory;
  }

  /** Every transition as "FROM --> TO : EVENT", for the README's diagram check. */
  java.util.SortedSet<String> transitions() {
    var machine = factory.getStateMachine();
    var lines = new java.util.TreeSet<String>();
    for (var t : machine.getTransitions()) {
      lines.add(t.getSource().getId() + " --> " + t.getTarget().getId() + " : " + t.getTrigger().getEvent());
    }
    return lines;
  }

  @Override
  public Optional<ConversationState> fire(ConversationState from, ConversationEvent event, Turn turn) {
    StateMachine<ConversationState, ConversationEvent> machine = factory.getStateMachine(turn.before().id());
    machine.getStateMachineAccessor().doWithAllRegions(region -> region
        .resetStateMachineReactively(new DefaultStateMachineContext<>(from, null, null, null)).block());
    machine.startReactively().block();
    try {
      var message = MessageBuilder.withPayload(event).setHeader(TURN_HEADER, turn).build();
      StateMachineEventResult<ConversationState, ConversationEvent> result =
          machine.sendEvent(Mono.just(message)).blockLast();
      if (result == null || result.getResultType() != ResultType.ACCEPTED) {
        return Optional.empty();
      }
      if (turn.failure() != null) {
        throw new IllegalStateException("conversation action failed on " + event + " in " + from, turn.failure());
      }
      return Optional.of(machine.getState().getId());
    } finally {
      machine.stopReactively().block();
    }
  }
}
