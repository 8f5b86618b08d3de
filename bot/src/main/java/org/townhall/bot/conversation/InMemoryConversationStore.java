package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The embedded store: everything in this process's memory, gone on restart. Conversations idle for
 * longer than the retention period (the shorter one while the resident has not written) are purged
 * by {@link #purgeExpired()}; until then, search skips them. Also search's index: each conversation's
 * words are kept beside it.
 */
class InMemoryConversationStore implements ConversationStore, SearchIndex {

  /**
   * @param words what search finds it by (the resident's and staff's words)
   * @param residentWrote whether any line is the resident's: only then is it kept the full retention
   *     and found by search
   */
  private record Stored(ConversationRecord record, List<TranscriptEntry> transcript, Set<String> words,
      boolean residentWrote) {}

  /** Search's order: last change (to the millisecond, as Redis keeps it), newest first, then id descending. */
  private static final Comparator<ConversationRecord> NEWEST_CHANGE_FIRST = Comparator
      .comparingLong((ConversationRecord r) -> r.updatedAt().toEpochMilli()).thenComparing(ConversationRecord::id)
      .reversed();

  // A fixed set of locks, chosen by hash: bounded memory however many conversations there are.
  private static final int LOCK_STRIPES = 256;

  private final Map<String, Stored> conversations = new ConcurrentHashMap<>();
  private final Map<String, Instant> deliveries = new ConcurrentHashMap<>();
  private final Map<String, Instant> residentsSeen = new ConcurrentHashMap<>();
  private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
  private final Clock clock;
  private final Duration retention;
  private final Duration emptyRetention;

  InMemoryConversationStore(Clock clock, Duration retention, Duration emptyRetention) {
    this.clock = clock;
    this.retention = retention;
    this.emptyRetention = emptyRetention;
    for (int i = 0; i < LOCK_STRIPES; i++) {
      locks[i] = new ReentrantLock();
    }
  }

  @Override
  public Optional<ConversationRecord> find(String id) {
    return Optional.ofNullable(conversations.get(id)).map(Stored::record);
  }

  @Override
  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    Stored stored = conversations.get(id);
    if (stored == null) {
      return List.of();
    }
    List<TranscriptEntry> all = stored.transcript();
    int from = (int) Math.max(0, Math.min(afterSeq, all.size()));
    return List.copyOf(all.subList(from, all.size()));
  }

  @Override
  public Optional<CommitResult> commit(
      ConversationRecord next, long expectedVersion, List<TranscriptEntry> entries) {
    CommitResult[] result = new CommitResult[1];
    conversations.compute(next.id(), (id, current) -> {
      long storedVersion = current == null ? 0 : current.record().version();
      if (storedVersion != expectedVersion) {
        return current;
      }
      long lastSeq = current == null ? 0 : current.record().lastSeq();
      List<TranscriptEntry> appended = new ArrayList<>(entries.size());
      for (TranscriptEntry entry : entries) {
        appended.add(entry.withSeq(++lastSeq));
      }
      List<TranscriptEntry> transcript = new ArrayList<>(current == null ? List.of() : current.transcript());
      transcript.addAll(appended);
      ConversationRecord committed = next.committed(lastSeq, clock.instant());
      result[0] = new CommitResult(committed, appended);
      Set<String> words = new HashSet<>(current == null ? Set.of() : current.words());
      if (words.size() < SearchWords.KEPT_PER_CONVERSATION) {
        words.addAll(SearchWords.of(appended));
      }
      boolean residentWrote = current != null && current.residentWrote()
          || appended.stream().anyMatch(TranscriptEntry::fromResident);
      // The transcript list is replaced, never mutated, so readers never see it half-changed.
      return new Stored(committed, List.copyOf(transcript), Set.copyOf(words), residentWrote);
    });
    return Optional.ofNullable(result[0]);
  }

  /** Whether search may find it: the resident wrote in it, and it is within retention (purged or not yet). */
  private boolean searchable(Stored stored) {
    return stored.residentWrote() && !stored.record().updatedAt().isBefore(clock.instant().minus(retention));
  }

  @Override
  public long erase(ConversationRecord conversation) {
    String id = conversation.id();
    Stored removed = conversations.remove(id);
    residentsSeen.remove(id);
    deliveries.keySet().removeIf(key -> key.startsWith("msg:" + id + ":"));
    return removed == null ? -1 : removed.transcript().size();
  }

  @Override
  public List<SearchCursor> changedSince(Instant since, SearchCursor after, int limit) {
    return conversations.values().stream()
        .filter(s -> searchable(s) && !s.record().updatedAt().isBefore(since))
        .map(Stored::record)
        .filter(r -> after == null || after.before(r.updatedAt().toEpochMilli(), r.id()))
        .sorted(NEWEST_CHANGE_FIRST)
        .limit(limit)
        .map(r -> new SearchCursor(r.updatedAt().toEpochMilli(), r.id()))
        .toList();
  }

  @Override
  public Set<String> withWords(List<String> ids, Set<String> words) {
    Set<String> found = new HashSet<>();
    for (String id : ids) {
      Stored stored = conversations.get(id);
      if (stored != null && searchable(stored) && stored.words().containsAll(words)) {
        found.add(id);
      }
    }
    return found;
  }

  @Override
  public List<String> startingWith(String idStart) {
    return conversations.values().stream()
        .filter(this::searchable)
        .map(Stored::record)
        .filter(r -> r.id().startsWith(idStart))
        .sorted(NEWEST_CHANGE_FIRST)
        .map(ConversationRecord::id)
        .toList();
  }

  @Override
  public List<String> withBot(int limit) {
    return conversations.values().stream()
        .map(Stored::record)
        .filter(r -> r.idleDeadline() != null)
        .sorted(Comparator.comparing(ConversationRecord::idleDeadline).reversed())
        .limit(limit)
        .map(ConversationRecord::id)
        .toList();
  }

  @Override
  public List<ConversationRecord> findAll(List<String> ids) {
    return ids.stream().map(this::find).flatMap(Optional::stream).toList();
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    return conversations.values().stream()
        .map(Stored::record)
        .filter(r -> r.handoff() != null)
        .sorted(Comparator.comparingDouble(r -> r.handoff().queueScore()))
        .toList();
  }

  @Override
  public List<String> conversationsOf(String channel, String channelUserId, int limit) {
    return conversations.values().stream()
        .map(Stored::record)
        .filter(r -> r.channel().equals(channel) && r.channelUserId().equals(channelUserId))
        .sorted(Comparator.comparing(ConversationRecord::createdAt).thenComparing(ConversationRecord::id).reversed())
        .limit(limit)
        .map(ConversationRecord::id)
        .toList();
  }

  @Override
  public List<String> idleSince(Instant now, int limit) {
    return conversations.values().stream()
        .map(Stored::record)
        .filter(r -> r.idleDeadline() != null && !r.idleDeadline().isAfter(now))
        .sorted(Comparator.comparing(ConversationRecord::idleDeadline))
        .limit(limit)
        .map(ConversationRecord::id)
        .toList();
  }

  @Override
  public List<ConversationRecord> callBacks(int limit) {
    return conversations.values().stream()
        .map(Stored::record)
        .filter(r -> r.callBack() != null)
        .sorted(Comparator.comparing((ConversationRecord r) -> r.callBack().leftAt()).reversed())
        .limit(limit)
        .toList();
  }

  @Override
  public void markResidentSeen(String id, Duration ttl) {
    residentsSeen.put(id, clock.instant().plus(ttl));
  }

  @Override
  public boolean residentSeen(String id) {
    Instant until = residentsSeen.get(id);
    return until != null && until.isAfter(clock.instant());
  }

  @Override
  public boolean wasDelivered(String key) {
    Instant expiry = deliveries.get(key);
    return expiry != null && expiry.isAfter(clock.instant());
  }

  @Override
  public void markDelivered(String key, Duration ttl) {
    deliveries.put(key, clock.instant().plus(ttl));
  }

  @Override
  public <T> T withConversationLock(String id, Supplier<T> work) {
    ReentrantLock lock = locks[Math.floorMod(id.hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Drops conversations idle for longer than the retention period, or than the empty-conversation
   * retention if the resident never wrote in them, and expired delivery marks. Redis expires keys by
   * itself; memory needs this sweep.
   */
  @Scheduled(fixedDelayString = "PT10M")
  void purgeExpired() {
    Instant now = clock.instant();
    Instant cutoff = now.minus(retention);
    Instant emptyCutoff = now.minus(emptyRetention);
    conversations.values().removeIf(s -> s.record().updatedAt().isBefore(cutoff)
        || s.record().updatedAt().isBefore(emptyCutoff) && !s.residentWrote());
    deliveries.values().removeIf(expiry -> !expiry.isAfter(now));
    residentsSeen.values().removeIf(until -> !until.isAfter(now));
  }
}
