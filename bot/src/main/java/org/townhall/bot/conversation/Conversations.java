package org.townhall.bot.conversation;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.townhall.bot.store.StaffNote;
import org.townhall.bot.store.StaffStore;

/**
 * Conversations as the rest of the bot reads them: one by id, its transcript, the handoff queue,
 * what the bot understood, and whether staff are typing. Changes go through
 * {@link ResidentMessages} (residents' messages from every channel), {@link StaffActions} (the
 * console) and {@link ConversationSweeps} (time-outs and call-back offers), which share one commit
 * step with a version check.
 */
@Service
public class Conversations {

  private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Conversations.class);

  private final ConversationStore store;
  private final StaffStore staffStore;
  private final Clock clock;
  private final CallBackProperties callBacks;

  Conversations(ConversationStore store, StaffStore staffStore, Clock clock, CallBackProperties callBacks) {
    this.store = store;
    this.staffStore = staffStore;
    this.clock = clock;
    this.callBacks = callBacks;
  }

  public Optional<ConversationRecord> find(String id) {
    return store.find(id);
  }

  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    return store.transcript(id, afterSeq);
  }

  /**
   * Conversations the bot has now (answering, offering choices or asking for a detail), the latest
   * active first, at most {@code limit}: what a supervisor can watch.
   */
  public List<ConversationRecord> withBot(int limit) {
    return store.findAll(store.withBot(limit)).stream().filter(c -> c.state().withBot()).toList();
  }

  /** Conversations waiting for, or with, staff: urgent first, then longest waiting. */
  public List<ConversationRecord> handoffQueue() {
    return store.handoffQueue();
  }

  /**
   * The same resident's other conversations on the same channel, newest first, at most {@code limit}
   * (for staff: what happened before).
   */
  public List<ConversationRecord> earlierOf(ConversationRecord conversation, int limit) {
    return store.conversationsOf(conversation.channel(), conversation.channelUserId(), limit + 1).stream()
        .filter(other -> !other.equals(conversation.id()))
        .limit(limit)
        .map(store::find)
        .flatMap(Optional::stream)
        .toList();
  }

  /** What the bot understood in a conversation, for staff taking it over. */
  public Understood understood(ConversationRecord conversation) {
    return Understood.of(conversation, store.transcript(conversation.id(), 0));
  }

  /**
   * A conversation in brief, for lists of earlier ones: its topic (the handoff's, or the last
   * answered) and how staff closed it.
   */
  public record Summary(String topic, String wrapUp) {}

  public static Summary summaryOf(ConversationRecord conversation) {
    return new Summary(Understood.topicOf(conversation), conversation.attributes().get(Attributes.WRAP_UP));
  }

  /**
   * The resident's answer to the satisfaction question after staff closed it, 1 to 5, or null (not
   * asked, not answered, or the conversation reopened since).
   */
  public static Integer satisfactionOf(ConversationRecord conversation) {
    String rating = conversation.attributes().get(Attributes.SURVEY_RATING);
    return rating == null ? null : Integer.valueOf(rating);
  }

  /** Whether the resident should see that a member of staff is typing. */
  public boolean isStaffTyping(ConversationRecord conversation) {
    return conversation.state() == ConversationState.WITH_AGENT
        && staffStore.typing(conversation.id()).filter(who -> who.equals(conversation.owner())).isPresent();
  }

  /**
   * The resident's chat page asked for the conversation just now. A page that stops asking for
   * {@code townhall.conversation.call-back.gone-after} has gone: the tab was closed, the phone put
   * away, or "End chat" pressed.
   */
  public void residentSeen(String id) {
    try {
      store.markResidentSeen(id, callBacks.goneAfter());
    } catch (org.townhall.bot.store.StoreUnavailableException e) {
      // Best effort: a resident reading their conversation while the store refuses writes (a Redis
      // failing over) must still read it; at worst they count as gone a little early.
      log.debug("Could not mark conversation {} as seen: {}", id, e.getMessage());
    }
  }

  /**
   * Whether the resident has gone: no chat page of theirs asked for the conversation within
   * {@code gone-after}. Only channels whose page polls can tell; on the others the resident is always
   * reachable where they are (Telegram), so they never count as gone.
   */
  public boolean residentGone(ConversationRecord conversation) {
    return POLLING_CHANNELS.contains(conversation.channel()) && !store.residentSeen(conversation.id());
  }

  /** Channels whose page asks for new lines while it is open, and stops when the resident leaves. */
  private static final java.util.Set<String> POLLING_CHANNELS = java.util.Set.of("webchat");

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
}
