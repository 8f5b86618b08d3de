package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.BeanFactory;

/**
 * Tests' view of what the conversation store holds, for tests outside this package (the store itself
 * is the conversation feature's own): which conversations a resident has, which are idle, and their
 * transcripts as stored.
 */
public final class StoredConversations {

  private final ConversationStore store;

  public StoredConversations(BeanFactory beans) {
    this.store = beans.getBean(ConversationStore.class);
  }

  public Optional<ConversationRecord> find(String id) {
    return store.find(id);
  }

  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    return store.transcript(id, afterSeq);
  }

  public List<String> conversationsOf(String channel, String channelUserId, int limit) {
    return store.conversationsOf(channel, channelUserId, limit);
  }

  /** Commits as the conversation feature would (e.g. to stage a crash between a commit and its event). */
  public boolean commit(ConversationRecord next, long expectedVersion, List<TranscriptEntry> entries) {
    return store.commit(next, expectedVersion, entries).isPresent();
  }

  /**
   * The resident's chat page stops asking, as when they close it: their mark lapses at once, as it
   * would {@code gone-after} after their last poll.
   */
  public void residentLeft(String id) {
    store.markResidentSeen(id, java.time.Duration.ofMillis(1));
  }

  public boolean residentSeen(String id) {
    return store.residentSeen(id);
  }

  public List<String> idleSince(Instant now, int limit) {
    return store.idleSince(now, limit);
  }
}
