package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.safeguarding.SafeguardingCheck;
import org.townhall.bot.store.CommitResult;
import org.townhall.bot.store.ConversationRecord;
import org.townhall.bot.store.ConversationStore;
import org.townhall.bot.store.StaffNote;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.store.Guess;
import org.townhall.bot.store.RetentionProperties;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.store.TranscriptEntry;

/**
 * The conversations feature's public face: residents' messages come in here from every channel,
 * and staff actions from the console. Each step restores the conversation's machine from the store,
 * fires one event, and commits the result with a version check; a conflicting commit (e.g. a staff
 * claim between the bot's read and write) is re-decided from the fresh state, so the bot never
 * answers a conversation that staff have taken.
 */
@Service
public class Conversations {

  private static final int ATTEMPTS = 5;
  private static final int GUESSES_KEPT = 3;
  /** Transcript lines only staff see. */

  private final ConversationStore store;
  private final StaffStore staffStore;
  private final ConversationMachine machine;
  private final DialoguePolicy policy;
  private final Phrases phrases;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final Duration deliveryMemory;
  private final ConversationProperties settings;
  private final SafeguardingCheck safeguarding;
  private final SafeguardingConcerns concerns;

  Conversations(ConversationStore store, ConversationMachine machine, DialoguePolicy policy, Phrases phrases,
      Clock clock, ApplicationEventPublisher events, RetentionProperties retention, ConversationProperties settings,
      StaffStore staffStore, SafeguardingCheck safeguarding, SafeguardingConcerns concerns) {
    this.safeguarding = safeguarding;
    this.concerns = concerns;
    this.store = store;
    this.staffStore = staffStore;
    this.machine = machine;
    this.policy = policy;
    this.phrases = phrases;
    this.clock = clock;
    this.events = events;
    this.deliveryMemory = retention.deliveryMarks();
    this.settings = settings;
  }

  /** Starts a conversation with the bot's welcome. */
  public ConversationRecord start(String channel, String channelUserId, String tokenHash) {
    String id = UUID.randomUUID().toString();
    var record = ConversationRecord.start(id, channel, channelUserId == null ? id : channelUserId, tokenHash,
        ConversationState.BOT.name(), clock.instant()).withIdleDeadline(clock.instant().plus(settings.idleTimeout()));
    CommitResult result = store.commit(record, 0, List.of(welcome()))
        .orElseThrow(() -> new IllegalStateException("conversation id collision: " + id));
    events.publishEvent(new ConversationUpdated(result.record(), result.appended()));
    return result.record();
  }

  /**
   * The line a new conversation starts with: the bot's welcome and its quick replies. Not stored; a
   * chat page shows it before the resident has written, so it never differs from the one stored.
   */
  public TranscriptEntry welcome() {
    return TranscriptEntry.draft("bot", phrases.get("welcome"), welcomeOptions(phrases), clock.instant());
  }

  public Optional<ConversationRecord> find(String id) {
    return store.find(id);
  }

  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    return store.transcript(id, afterSeq);
  }

  /** Conversations waiting for, or with, staff: urgent first, then longest waiting. */
  public List<ConversationRecord> handoffQueue() {
    return store.handoffQueue();
  }

  /**
   * Handles a resident's message: records it and, if the bot has the conversation, answers.
   *
   * @return the transcript lines this message added (the resident's own first); empty for a
   *     redelivered message
   * @throws ConversationNotFoundException if the conversation does not exist
   */
  public List<TranscriptEntry> receive(InboundMessage message) {
    String deliveryKey = "msg:" + message.conversationId() + ":" + message.channelMessageId();
    return store.withConversationLock(message.conversationId(), () -> {
      if (store.wasDelivered(deliveryKey)) {
        return List.of();
      }
      for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
        ConversationRecord current = store.find(message.conversationId())
            .orElseThrow(() -> new ConversationNotFoundException(message.conversationId()));
        Prepared step = prepare(current, message);
        Optional<CommitResult> committed = store.commit(step.record(), current.version(), step.entries());
        if (committed.isPresent()) {
          store.markDelivered(deliveryKey, deliveryMemory);
          concerns.afterResidentMessage(current, committed.get().record());
          events.publishEvent(new ConversationUpdated(committed.get().record(), committed.get().appended()));
          return committed.get().appended();
        }
      }
      throw new IllegalStateException("conversation " + message.conversationId() + " kept changing; gave up");
    });
  }

  /** What one resident message changes: the record to commit and the lines to append. */
  private record Prepared(ConversationRecord record, List<TranscriptEntry> entries) {}

  private Prepared prepare(ConversationRecord current, InboundMessage message) {
    // Safeguarding before anything else decides, in every state and for every kind of message with text
    // the resident wrote (a tap on one of the bot's own buttons is not their words).
    Optional<Disclosure> disclosure = message.text() == null || message.quickReply() ? Optional.empty()
        : safeguarding.check(message.text());
    if (disclosure.isPresent()) {
      return disclosed(current, message, disclosure.get());
    }
    ConversationState state = ConversationState.valueOf(current.state());
    Instant now = clock.instant();
    if (state.withStaff() && message.kind() != InboundMessage.Kind.TEXT) {
      // The silence rule holds for every kind of message: staff see it, the bot says nothing.
      Turn turn = new Turn(current, now, null, null, null, null);
      ConversationState next = machine.fire(state, ConversationEvent.RESIDENT_WROTE, turn)
          .orElseThrow(() -> new IllegalStateException("the machine refuses a resident's message while with staff"));
      return new Prepared(withDeadline(turn.after(next), next, now),
          List.of(TranscriptEntry.draft("resident", describe(message), List.of(), now)));
    }
    if (message.kind().isText()) {
      return dialogue(current, message.text());
    }
    // Help, or something the bot cannot read: say what it understands; the conversation stays where it is.
    List<TranscriptEntry> entries = List.of(
        TranscriptEntry.draft("resident", describe(message), List.of(), now),
        message.kind() == InboundMessage.Kind.HELP
            ? TranscriptEntry.draft("bot", phrases.get("help"), welcomeOptions(phrases), now)
            : TranscriptEntry.draft("bot", phrases.get("unreadable." + message.kind().name().toLowerCase(Locale.ROOT)),
                List.of(phrases.get("option.person")), now));
    return new Prepared(withDeadline(current, state, now), entries);
  }

  /** A message that discloses danger: the machine's DISCLOSED step, whatever state the conversation is in. */
  private Prepared disclosed(ConversationRecord current, InboundMessage message, Disclosure disclosure) {
    Turn turn = new Turn(current, clock.instant(), null, null, null, message.text())
        .withDisclosure(disclosure, staffStore.botPause().isPresent());
    ConversationState state = ConversationState.valueOf(current.state());
    if (state == ConversationState.CLOSED) {
      state = fire(state, ConversationEvent.REOPENED, turn);
    }
    state = fire(state, ConversationEvent.DISCLOSED, turn);
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(TranscriptEntry.draft("resident", describe(message), List.of(), turn.now()));
    entries.addAll(turn.replies());
    return new Prepared(withDeadline(turn.after(state), state, turn.now()), entries);
  }

  private ConversationState fire(ConversationState state, ConversationEvent event, Turn turn) {
    return machine.fire(state, event, turn)
        .orElseThrow(() -> new IllegalStateException("the machine refuses " + event + " in " + state));
  }

  private Prepared dialogue(ConversationRecord current, String text) {
    DialoguePolicy.Reading reading = policy.read(current, text);
    Turn turn = new Turn(current, clock.instant(), reading.understanding(), reading.intent(), null, text)
        .withLookup(reading.lookup());
    ConversationState state = ConversationState.valueOf(current.state());
    for (ConversationEvent event : reading.events()) {
      state = machine.fire(state, event, turn)
          .orElseThrow(() -> new IllegalStateException("the policy chose an event the machine refuses"));
    }
    List<TranscriptEntry> entries = new ArrayList<>();
    entries.add(residentLine(text, turn));
    // Life safety first, whenever the bot itself replies (never over staff: then it is silent).
    boolean botReplies = turn.replies().stream().anyMatch(line -> line.from().equals("bot"));
    if (botReplies) {
      policy.emergencyPointer(text)
          .ifPresent(pointer -> entries.add(TranscriptEntry.draft("bot", pointer, List.of(), turn.now())));
    }
    entries.addAll(turn.replies());
    return new Prepared(withDeadline(turn.after(state), state, turn.now()), entries);
  }

  /** How a resident's message reads in the transcript, for staff. */
  private String describe(InboundMessage message) {
    String text = message.text() == null ? "" : message.text();
    return switch (message.kind()) {
      case TEXT -> text;
      case EDIT -> phrases.get("received.edit", text);
      default -> (phrases.get("received." + message.kind().name().toLowerCase(Locale.ROOT)) + " " + text).strip();
    };
  }

  /**
   * The resident's current conversation on a messaging channel (their newest), or a new one started
   * with the welcome. Under a lock per resident, so two first messages arriving together start one
   * conversation.
   */
  public ResidentConversation forResident(String channel, String channelUserId) {
    return store.withConversationLock(residentLockKey(channel, channelUserId), () ->
        store.conversationsOf(channel, channelUserId, 1).stream()
            .map(store::find)
            .flatMap(Optional::stream)
            .findFirst()
            .map(c -> new ResidentConversation(c, false))
            .orElseGet(() -> new ResidentConversation(start(channel, channelUserId, null), true)));
  }

  /**
   * A resident's conversation on a channel.
   *
   * @param conversation as stored
   * @param started whether it was started just now (its welcome is the only line)
   */
  public record ResidentConversation(ConversationRecord conversation, boolean started) {}

  /**
   * Leaves staff an internal note on a conversation (e.g. "the resident blocked the bot: the last
   * reply was not delivered"), with the notes staff write in the console: kept apart from the
   * transcript, so no channel can ever deliver it to the resident. The state does not change.
   */
  public void noteForStaff(String id, String author, String text) {
    if (store.find(id).isPresent()) {
      staffStore.addNote(id, new StaffNote(clock.instant(), author, text));
    }
  }

  /** A lock name that does not spell out who the resident is. */
  private static String residentLockKey(String channel, String channelUserId) {
    return "resident:" + channel + ":" + Sha256.hex(channelUserId);
  }

  /**
   * Closes a conversation nobody has written to for the idle time, if it is still idle: a message
   * that arrived meanwhile moved its deadline, and then nothing happens.
   */
  public void timeOutIfIdle(String id) {
    store.withConversationLock(id, () -> {
      store.find(id)
          .filter(c -> c.idleDeadline() != null && !c.idleDeadline().isAfter(clock.instant()))
          .ifPresent(c -> {
            Turn turn = new Turn(c, clock.instant(), null, null, null, null);
            machine.fire(ConversationState.valueOf(c.state()), ConversationEvent.TIMED_OUT, turn)
                .flatMap(state -> store.commit(withDeadline(turn.after(state), state, turn.now()), c.version(),
                    turn.replies()))
                .ifPresent(done -> events.publishEvent(new ConversationUpdated(done.record(), done.appended())));
          });
      return null;
    });
  }

  /**
   * Runs one member of staff's step while holding a lock of their own, shared by every instance: a
   * check over several conversations (e.g. the per-person limit before a claim) and the step itself
   * then cannot interleave with that person's other steps, wherever they arrive.
   */
  public <T> T oneAtATimeFor(String agent, java.util.function.Supplier<T> work) {
    return store.withConversationLock("staff:" + agent, work);
  }

  public StaffOutcome claim(String id, String agent) {
    return staffStep(id, agent, null, null, ConversationEvent.AGENT_CLAIMED, false);
  }

  public StaffOutcome reply(String id, String agent, String text) {
    return endingTypingNotice(id, staffStep(id, agent, text, null, ConversationEvent.AGENT_REPLIED, true));
  }

  public StaffOutcome release(String id, String agent) {
    return endingTypingNotice(id, staffStep(id, agent, null, null, ConversationEvent.AGENT_RELEASED, true));
  }

  /**
   * Closes with a wrap-up code (resolved, signposted, call_back, …), kept with the conversation;
   * allowed while it waits, or for its owner, never over a colleague who has it.
   */
  public StaffOutcome close(String id, String agent, String wrapUp) {
    return refusalIfAnothersConversation(id, agent)
        .orElseGet(() -> endingTypingNotice(id, staffStep(id, agent, null, wrapUp, ConversationEvent.CLOSED, false)));
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
    if (ConversationState.valueOf(current.state()) != ConversationState.WITH_AGENT || !agent.equals(current.owner())) {
      return StaffOutcome.conflict(current, "Claim the conversation first.");
    }
    staffStore.markTyping(id, agent, settings.typingNotice());
    events.publishEvent(new StaffTyping(current, agent));
    return StaffOutcome.done(current);
  }

  /** Whether the resident should see that a member of staff is typing. */
  public boolean isStaffTyping(ConversationRecord conversation) {
    return ConversationState.valueOf(conversation.state()) == ConversationState.WITH_AGENT
        && staffStore.typing(conversation.id()).filter(who -> who.equals(conversation.owner())).isPresent();
  }

  private StaffOutcome endingTypingNotice(String id, StaffOutcome outcome) {
    if (outcome.result() == StaffOutcome.Result.DONE) {
      staffStore.clearTyping(id);
    }
    return outcome;
  }

  /**
   * Puts the conversation back in the queue for another team; allowed while it waits, or for its
   * owner. The resident keeps their place and is told.
   */
  public StaffOutcome transfer(String id, String agent, String team) {
    return refusalIfAnothersConversation(id, agent)
        .orElseGet(() -> staffStep(id, agent, null, team, ConversationEvent.AGENT_TRANSFERRED, false));
  }

  /** A refusal when a colleague has the conversation (steps allowed to its owner, or to anyone while it waits). */
  private Optional<StaffOutcome> refusalIfAnothersConversation(String id, String agent) {
    return store.find(id).filter(c -> c.owner() != null && !agent.equals(c.owner()))
        .map(c -> StaffOutcome.conflict(c, "This conversation is with " + c.owner() + "."));
  }

  /**
   * Offers a call-back to a resident still waiting, unclaimed, for at least {@code after}; at most
   * once per wait, whichever instance gets there first.
   *
   * @return whether the offer was made now
   */
  public boolean offerCallBack(String id, Duration after) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      ConversationRecord current = store.find(id).orElse(null);
      if (current == null || !ConversationState.AWAITING_AGENT.name().equals(current.state())
          || current.owner() != null || current.handoff().waitingSince().plus(after).isAfter(clock.instant())
          || current.attributes().containsKey(Attributes.CALL_BACK_REFERENCE)) {
        return false;
      }
      Turn turn = new Turn(current, clock.instant(), null, null, null, null);
      Optional<ConversationState> next = machine.fire(ConversationState.AWAITING_AGENT, ConversationEvent.WAIT_EXCEEDED,
          turn);
      if (next.isEmpty()) {
        return false;
      }
      Optional<CommitResult> committed = store.commit(withDeadline(turn.after(next.get()), next.get(), turn.now()),
          current.version(), turn.replies());
      if (committed.isPresent()) {
        events.publishEvent(new ConversationUpdated(committed.get().record(), committed.get().appended()));
        return true;
      }
    }
    return false;
  }

  /**
   * A staff step is a compare-and-set without the conversation lock, so staff never wait behind the
   * bot; if the bot (or another agent) committed first, the step is re-decided on the fresh state.
   */
  private StaffOutcome staffStep(String id, String agent, String text, String detail, ConversationEvent event,
      boolean ownerOnly) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ConversationRecord> found = store.find(id);
      if (found.isEmpty()) {
        return StaffOutcome.notFound();
      }
      ConversationRecord current = found.get();
      if (ownerOnly && !agent.equals(current.owner())) {
        String reason;
        if (current.owner() != null) {
          reason = "This conversation is with " + current.owner() + ".";
        } else if (ConversationState.valueOf(current.state()) == ConversationState.AWAITING_AGENT) {
          reason = "Claim the conversation first.";
        } else {
          reason = "Not possible: the conversation is " + ConversationState.valueOf(current.state()).publicName()
              .toLowerCase(Locale.ROOT).replace('_', ' ') + ".";
        }
        return StaffOutcome.conflict(current, reason);
      }
      Turn turn = new Turn(current, clock.instant(), null, null, agent, text).withStaffDetail(detail);
      Optional<ConversationState> next = machine.fire(ConversationState.valueOf(current.state()), event, turn);
      if (next.isEmpty()) {
        return StaffOutcome.conflict(current, refusal(current, event));
      }
      Optional<CommitResult> committed = store.commit(withDeadline(turn.after(next.get()), next.get(), turn.now()),
          current.version(), turn.replies());
      if (committed.isPresent()) {
        if (event == ConversationEvent.AGENT_REPLIED) {
          concerns.afterStaffStep(current, committed.get().record());
        }
        events.publishEvent(new ConversationUpdated(committed.get().record(), committed.get().appended()));
        return StaffOutcome.done(committed.get().record());
      }
    }
    return StaffOutcome.conflict(store.find(id).orElse(null), "The conversation kept changing; try again.");
  }

  private static String refusal(ConversationRecord current, ConversationEvent event) {
    if (event == ConversationEvent.AGENT_CLAIMED && current.owner() != null) {
      return "Already claimed by " + current.owner() + ".";
    }
    return "Not possible while the conversation is " + current.state() + ".";
  }

  private static TranscriptEntry residentLine(String text, Turn turn) {
    TranscriptEntry line = TranscriptEntry.draft("resident", text, List.of(), turn.now());
    if (turn.understanding() == null) {
      return line;
    }
    return line.withGuesses(turn.understanding().classification().ranked().stream().limit(GUESSES_KEPT)
        .map(s -> new Guess(s.intent(), s.confidence()))
        .toList());
  }

  /** Only conversations with the bot time out; one waiting for or with staff never does. */
  private ConversationRecord withDeadline(ConversationRecord record, ConversationState state, Instant now) {
    return record.withIdleDeadline(state.withBot() ? now.plus(settings.idleTimeout()) : null);
  }

  static List<String> welcomeOptions(Phrases phrases) {
    return List.of(phrases.get("welcome.option1"), phrases.get("welcome.option2"), phrases.get("welcome.option3"),
        phrases.get("option.person"));
  }
}
