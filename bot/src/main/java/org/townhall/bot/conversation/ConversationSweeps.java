package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.townhall.bot.conversation.ConversationCommits.Answer;
import org.townhall.bot.conversation.ConversationCommits.Change;
import org.townhall.bot.conversation.ConversationCommits.Decision;

/**
 * What happens to conversations with time rather than a message: closing one left idle with the bot,
 * and offering a call-back to a resident who has waited long for staff. The schedules that find them
 * ({@link IdleConversations}, {@link LongWaits}) call these on every instance; each is a machine event
 * committed with a version check, so it happens once whichever instance gets there first, and never
 * over a message that arrived meanwhile.
 */
@Service
public class ConversationSweeps {

  private final ConversationStore store;
  private final ConversationCommits commits;
  private final ConversationMachine machine;
  private final Clock clock;

  ConversationSweeps(ConversationStore store, ConversationCommits commits, ConversationMachine machine, Clock clock) {
    this.store = store;
    this.commits = commits;
    this.machine = machine;
    this.clock = clock;
  }

  /**
   * Closes a conversation nobody has written to for the idle time, if it is still idle: a message
   * that arrived meanwhile moved its deadline, and then nothing happens.
   */
  public void timeOutIfIdle(String id) {
    store.withConversationLock(id, () -> commits.change(id, current -> {
      boolean idle = current.idleDeadline() != null && !current.idleDeadline().isAfter(clock.instant());
      return idle ? event(current, ConversationEvent.TIMED_OUT) : new Answer<>(false);
    }, () -> false, () -> false));
  }

  /**
   * Offers a call-back to a resident still waiting, unclaimed, for at least {@code after}; at most
   * once per wait, whichever instance gets there first.
   *
   * @return whether the offer was made now
   */
  public boolean offerCallBack(String id, Duration after) {
    return commits.change(id, current -> {
      boolean due = current.state() == ConversationState.AWAITING_AGENT && current.owner() == null
          && !current.handoff().waitingSince().plus(after).isAfter(clock.instant());
      return due ? event(current, ConversationEvent.WAIT_EXCEEDED) : new Answer<>(false);
    }, () -> false, () -> false);
  }

  /** The event's change, or no change when the machine refuses it here (e.g. already offered). */
  private Decision<Boolean> event(ConversationRecord current, ConversationEvent event) {
    Turn turn = new Turn(current, clock.instant(), null, null, null, null);
    Optional<ConversationState> next = machine.fire(current.state(), event, turn);
    return next.<Decision<Boolean>>map(state -> new Change<>(turn.after(state), turn.replies(), done -> true))
        .orElseGet(() -> new Answer<>(false));
  }
}
