package org.townhall.bot.conversation;

import org.springframework.statemachine.StateMachineContext;
import org.springframework.statemachine.StateMachinePersist;
import org.springframework.statemachine.support.DefaultStateMachineContext;

/**
 * Spring Statemachine's persistence hook over the conversation store: a machine is restored from the
 * state in the conversation's stored record, and the state it reaches is written back into the
 * {@link Step}, from which {@link ConversationCommits} commits it (with the transcript lines and the
 * handoff queue, in one compare-and-set). The store is the only place state lives, so any instance
 * can take a conversation's next message.
 */
final class StoredStatePersist implements StateMachinePersist<ConversationState, ConversationEvent, StoredStatePersist.Step> {

  /** One step's state: where the machine starts, and where it ends. */
  static final class Step {
    private ConversationState state;

    Step(ConversationState from) {
      this.state = from;
    }

    ConversationState state() {
      return state;
    }
  }

  @Override
  public void write(StateMachineContext<ConversationState, ConversationEvent> context, Step step) {
    step.state = context.getState();
  }

  @Override
  public StateMachineContext<ConversationState, ConversationEvent> read(Step step) {
    return new DefaultStateMachineContext<>(step.state, null, null, null);
  }
}
