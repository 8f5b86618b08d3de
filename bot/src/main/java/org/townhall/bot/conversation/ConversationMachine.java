package org.townhall.bot.conversation;

import java.util.Optional;

/**
 * The conversation's state machine, as the rest of the package sees it: fire one event from a
 * state, let the transition's actions work on the turn, and learn the new state. Keeps Spring
 * Statemachine (archived upstream) replaceable.
 */
interface ConversationMachine {

  /**
   * @return the state after the event, or empty if the event is not allowed in {@code from} (the
   *     turn is then unchanged)
   */
  Optional<ConversationState> fire(ConversationState from, ConversationEvent event, Turn turn);
}
