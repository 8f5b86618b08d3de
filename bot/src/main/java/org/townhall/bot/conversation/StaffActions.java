package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.townhall.bot.conversation.ConversationCommits.Answer;
import org.townhall.bot.conversation.ConversationCommits.Change;
import org.townhall.bot.conversation.ConversationCommits.Decision;
import org.townhall.bot.store.StaffStore;

/**
 * What staff do to a conversation from the console: claim, reply, release, transfer, close, and say
 * they are typing. Each step is one machine event committed with a version check and without the
 * conversation lock, so staff never wait behind the bot; who may do what is decided here (the
 * owner, or anyone while it waits), as the README's table says.
 */
@Service
public class StaffActions {

  private final ConversationStore store;
  private final ConversationCommits commits;
  private final StaffStore staffStore;
  private final ConversationMachine machine;
  private final SafeguardingConcerns concerns;
  private final ConversationProperties settings;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final NotServedSignals notServed;

  StaffActions(ConversationStore store, ConversationCommits commits, StaffStore staffStore,
      ConversationMachine machine, SafeguardingConcerns concerns, ConversationProperties settings, Clock clock,
      ApplicationEventPublisher events, NotServedSignals notServed) {
    this.notServed = notServed;
    this.store = store;
    this.commits = commits;
    this.staffStore = staffStore;
    this.machine = machine;
    this.concerns = concerns;
    this.settings = settings;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Runs one member of staff's step while holding a lock of their own, shared by every instance: a
   * check over several conversations (e.g. the per-person limit before a claim) and the step itself
   * then cannot interleave with that person's other steps, wherever they arrive.
   */
  public <T> T oneAtATimeFor(String agent, Supplier<T> work) {
    return store.withConversationLock("staff:" + agent, work);
  }

  /** Takes a waiting conversation; the resident is told who joined. */
  public StaffOutcome claim(String id, String agent) {
    return step(id, agent, null, null, ConversationEvent.AGENT_CLAIMED, Rule.ANYONE);
  }

  /**
   * A supervisor gives the conversation to a named member of staff: one still waiting, or one a
   * colleague has. Who may do this, and to whom, the caller checks.
   */
  public StaffOutcome assign(String id, String supervisor, String to) {
    return step(id, supervisor, null, to, ConversationEvent.AGENT_ASSIGNED, Rule.ANYONE);
  }

  /**
   * A supervisor takes a conversation the bot has (answering, offering choices or asking for a detail),
   * without it going through the queue; the resident is told who joined. Who may do this the caller
   * checks, with the same availability rules as a claim.
   */
  public StaffOutcome takeOver(String id, String supervisor) {
    return step(id, supervisor, null, null, ConversationEvent.AGENT_TOOK_OVER, Rule.ANYONE);
  }

  public StaffOutcome reply(String id, String agent, String text) {
    return step(id, agent, text, null, ConversationEvent.AGENT_REPLIED, Rule.OWNER);
  }

  public StaffOutcome release(String id, String agent) {
    return step(id, agent, null, null, ConversationEvent.AGENT_RELEASED, Rule.OWNER);
  }

  /**
   * Puts the conversation back in the queue for another team; allowed while it waits, or for its
   * owner. The resident keeps their place and is told.
   */
  public StaffOutcome transfer(String id, String agent, String team) {
    return step(id, agent, null, team, ConversationEvent.AGENT_TRANSFERRED, Rule.OWNER_OR_WHILE_WAITING);
  }

  /**
   * Closes with a wrap-up code (resolved, signposted, call_back, …), kept with the conversation;
   * allowed while it waits, or for its owner, never over a colleague who has it. Closing a claimed
   * conversation records how long it was handled, for residents' wait estimates.
   */
  public StaffOutcome close(String id, String agent, String wrapUp) {
    return close(id, agent, wrapUp, null);
  }

  /**
   * Closes as {@link #close(String, String, String)} does, recording what the conversation was about:
   * {@code topic}, an intent id the caller has checked against the live content, or null. Editors see
   * it with the message that went to a person, as a hint for teaching the bot.
   */
  public StaffOutcome close(String id, String agent, String wrapUp, String topic) {
    return step(id, agent, null, wrapUp, topic, ConversationEvent.CLOSED, Rule.OWNER_OR_WHILE_WAITING);
  }

  /**
   * The member of staff who has the conversation is typing: residents see a notice for
   * {@code townhall.conversation.typing-notice} (the console repeats it while typing goes on) or
   * until the reply arrives. Refused unless the conversation is with this person.
   */
  public StaffOutcome staffTyping(String id, String agent) {
    Optional<ConversationRecord> found = store.find(id);
    if (found.isEmpty()) {
      return StaffOutcome.notFound();
    }
    ConversationRecord current = found.get();
    if (current.state() != ConversationState.WITH_AGENT || !agent.equals(current.owner())) {
      return StaffOutcome.conflict(current, "Claim the conversation first.");
    }
    staffStore.markTyping(id, agent, settings.typingNotice());
    events.publishEvent(new StaffTyping(current, agent));
    return StaffOutcome.done(current);
  }

  /** Who may take a step on a conversation. */
  private enum Rule {
    /** Anyone the machine allows (a claim: the machine refuses one already claimed). */
    ANYONE,
    /** Only the member of staff who has it. */
    OWNER,
    /** Its owner, or anyone while nobody has it. */
    OWNER_OR_WHILE_WAITING
  }

  private StaffOutcome step(String id, String agent, String text, String detail, ConversationEvent event, Rule rule) {
    return step(id, agent, text, detail, null, event, rule);
  }

  private StaffOutcome step(String id, String agent, String text, String detail, String topic,
      ConversationEvent event, Rule rule) {
    StaffOutcome outcome = commits.change(id, current -> decide(current, agent, text, detail, topic, event, rule),
        StaffOutcome::notFound,
        () -> StaffOutcome.conflict(store.find(id).orElse(null), "The conversation kept changing; try again."));
    if (outcome.result() == StaffOutcome.Result.DONE && event != ConversationEvent.AGENT_CLAIMED) {
      // The reply arrived, or the conversation left this person: no more "typing…".
      staffStore.clearTyping(id);
    }
    return outcome;
  }

  private Decision<StaffOutcome> decide(ConversationRecord current, String agent, String text, String detail,
      String topic, ConversationEvent event, Rule rule) {
    Optional<String> refusal = refusal(current, agent, rule);
    if (refusal.isPresent()) {
      return new Answer<>(StaffOutcome.conflict(current, refusal.get()));
    }
    Turn turn = new Turn(current, clock.instant(), null, null, agent, text).withStaffDetail(detail)
        .withStaffTopic(topic);
    Optional<ConversationState> next = machine.fire(current.state(), event, turn);
    if (next.isEmpty()) {
      return new Answer<>(StaffOutcome.conflict(current, machineRefusal(current, event, detail)));
    }
    return new Change<>(turn.after(next.get()), turn.replies(), done -> {
      if (event == ConversationEvent.AGENT_REPLIED) {
        concerns.afterStaffStep(current, done.record());
      }
      if (event == ConversationEvent.CLOSED) {
        recordHandlingTime(current);
      }
      notServed.publish(turn, done);
      return StaffOutcome.done(done.record());
    });
  }

  private static Optional<String> refusal(ConversationRecord current, String agent, Rule rule) {
    boolean another = current.owner() != null && !agent.equals(current.owner());
    if (rule == Rule.ANYONE || agent.equals(current.owner())) {
      return Optional.empty();
    }
    if (another) {
      return Optional.of("This conversation is with " + current.owner() + ".");
    }
    if (rule == Rule.OWNER_OR_WHILE_WAITING) {
      return Optional.empty();
    }
    if (current.state() == ConversationState.AWAITING_AGENT) {
      return Optional.of("Claim the conversation first.");
    }
    return Optional.of("Not possible: the conversation is "
        + current.state().publicName().toLowerCase(Locale.ROOT).replace('_', ' ') + ".");
  }

  private static String machineRefusal(ConversationRecord current, ConversationEvent event, String detail) {
    if (event == ConversationEvent.AGENT_CLAIMED && current.owner() != null) {
      return "Already claimed by " + current.owner() + ".";
    }
    if (event == ConversationEvent.AGENT_ASSIGNED && current.owner() != null && current.owner().equals(detail)) {
      return "This conversation is already with " + detail + ".";
    }
    if (event == ConversationEvent.AGENT_TOOK_OVER) {
      return current.state() == ConversationState.CLOSED ? "The conversation has ended."
          : "The bot no longer has this conversation: it is " + (current.owner() == null ? "waiting in the queue"
              : "with " + current.owner()) + ".";
    }
    return "Not possible while the conversation is " + current.state() + ".";
  }

  /** Claim to close, for residents' wait estimates; nothing when it was closed without a claim. */
  private void recordHandlingTime(ConversationRecord beforeClose) {
    String claimedAt = beforeClose.attributes().get(Attributes.CLAIMED_AT);
    if (claimedAt != null && beforeClose.owner() != null) {
      staffStore.recordHandlingTime(Duration.between(Instant.parse(claimedAt), clock.instant()));
    }
  }
}
