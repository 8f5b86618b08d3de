package org.townhall.bot.conversation;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Conversation state, transcripts and the handoff queue.
 *
 * <p>Every change is one {@link #commit}: a compare-and-set on the record's version that, in the
 * same atomic step, stores the record, appends transcript entries and keeps the handoff queue in
 * step. A commit against a stale version changes nothing and returns empty; the caller re-reads and
 * decides again. A conversation is deleted the retention period after its last change, or the
 * shorter empty-conversation retention after it while none of its transcript lines is the
 * resident's ({@link TranscriptEntry#fromResident}). Implementations throw
 * {@link org.townhall.bot.store.StoreUnavailableException} when the backing store cannot be reached, and are thread-safe.
 */
interface ConversationStore {

  /** Finds a conversation; empty if unknown or expired. */
  Optional<ConversationRecord> find(String id);

  /** Transcript entries with {@code seq > afterSeq}, in order. */
  List<TranscriptEntry> transcript(String id, long afterSeq);

  /**
   * Atomically stores {@code next} (with version {@code expectedVersion + 1}) and appends
   * {@code entries}, if the stored version is still {@code expectedVersion} (0: the conversation
   * must not exist yet).
   *
   * @return the commit, or empty when the version no longer matches
   */
  Optional<CommitResult> commit(ConversationRecord next, long expectedVersion, List<TranscriptEntry> entries);

  /**
   * Ids of one resident's conversations on one channel (same {@code channel} and
   * {@code channelUserId}), newest first, at most {@code limit}: how a messaging channel finds the
   * conversation a chat belongs to, and how staff see a resident's earlier conversations. Ones
   * expired under retention are not listed.
   */
  List<String> conversationsOf(String channel, String channelUserId, int limit);

  /**
   * Deletes a conversation and everything this store keeps beside it: the record (with any details
   * left for a reply and the slots), the transcript, search's words and its entries in the search and
   * reference indexes, its place in the handoff, idle and call-back queues, its entry in the
   * resident's index, the "page open" mark and its processed-message marks. Call it holding the
   * conversation's lock; see {@link Erasure}.
   *
   * @return how many transcript lines it had, or -1 if it was not there
   */
  long erase(ConversationRecord conversation);

  /** Ids of conversations whose idle deadline is at or before {@code now}, oldest first, at most {@code limit}. */
  List<String> idleSince(java.time.Instant now, int limit);

  /** Ids of conversations with the bot now (they have an idle deadline), the latest active first, at most {@code limit}. */
  List<String> withBot(int limit);

  /** Several conversations at once, in the order of {@code ids}; unknown or expired ones left out. */
  List<ConversationRecord> findAll(List<String> ids);

  /** Conversations holding a handoff ticket: urgent first, then longest waiting. */
  List<ConversationRecord> handoffQueue();

  /**
   * Conversations in which a resident left details for a reply ({@link ConversationRecord#callBack}),
   * the most recently left first, at most {@code limit}. Ones expired under retention are not listed.
   */
  List<ConversationRecord> callBacks(int limit);

  /**
   * Notes that the resident's chat page is open on this conversation, for {@code ttl}: each poll of the
   * page renews it, so once it lapses the resident has gone.
   */
  void markResidentSeen(String id, Duration ttl);

  /** Whether the resident's page asked for this conversation within the last mark's time to live. */
  boolean residentSeen(String id);

  /**
   * Whether a message with this delivery key (channel + message id) was already processed. Check and
   * mark under the conversation lock, marking only after the commit: a crash in between means a
   * redelivery is processed again, never that a message is lost.
   */
  boolean wasDelivered(String key);

  /** Remembers a processed message's delivery key for {@code ttl}. */
  void markDelivered(String key, Duration ttl);

  /**
   * Runs {@code work} while holding the conversation's lock, so that one conversation's messages are
   * processed one at a time, also across bot instances sharing a store. The lock is a lease: it
   * lapses if its holder dies.
   */
  <T> T withConversationLock(String id, Supplier<T> work);
}
