package org.townhall.bot.conversation;

import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.statemachine.persist.DefaultStateMachinePersister;
import org.springframework.statemachine.persist.StateMachinePersister;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@link ConversationMachine} on Spring Statemachine. A machine is restored from the stored state for
 * each step through {@link StoredStatePersist} and never shared between threads while it runs.
 * Building a machine from the factory is the expensive part of a step (it was most of a message's
 * processing time; see docs/benchmarks.md), so idle machines are kept in a pool and reset, not
 * rebuilt: at most as many exist as steps have ever run at once.
 */
@Component
class SpringConversationMachine implements ConversationMachine {

  static final String TURN_HEADER = "turn";

  private final StateMachineFactory<ConversationState, ConversationEvent> factory;
  private final StateMachinePersister<ConversationState, ConversationEvent, StoredStatePersist.Step> persister =
      new DefaultStateMachinePersister<>(new StoredStatePersist());
  private final Queue<StateMachine<ConversationState, ConversationEvent>> idle = new ConcurrentLinkedQueue<>();

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
    StateMachine<ConversationState, ConversationEvent> machine = idle.poll();
    if (machine == null) {
      machine = factory.getStateMachine();
    }
    StoredStatePersist.Step step = new StoredStatePersist.Step(from);
    try {
      persister.restore(machine, step);
      turn.takeTaken();
      var message = MessageBuilder.withPayload(event).setHeader(TURN_HEADER, turn).build();
      StateMachineEventResult<ConversationState, ConversationEvent> result =
          machine.sendEvent(Mono.just(message)).blockLast();
      if (turn.failure() != null) {
        throw new IllegalStateException("conversation action failed on " + event + " in " + from, turn.failure());
      }
      // Refused: no transition for this event here, or its guard said no.
      if (result == null || result.getResultType() != ResultType.ACCEPTED || !turn.takeTaken()) {
        return Optional.empty();
      }
      persister.persist(machine, step);
      return Optional.of(step.state());
    } catch (Exception e) {
      // A machine that failed mid-step is dropped rather than reused.
      machine.stopReactively().block();
      machine = null;
      throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
    } finally {
      if (machine != null) {
        machine.stopReactively().block();
        idle.offer(machine);
      }
    }
  }
}
