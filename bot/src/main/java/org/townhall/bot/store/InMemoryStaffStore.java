package org.townhall.bot.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

/** Staff data in this process's memory (the embedded store), gone on restart. */
class InMemoryStaffStore implements StaffStore {

  private final Deque<AuditEntry> log = new ConcurrentLinkedDeque<>();
  private final Map<String, List<AuditEntry>> auditByConversation = new ConcurrentHashMap<>();
  private final Map<String, List<StaffNote>> notes = new ConcurrentHashMap<>();
  private final AtomicReference<BotPause> pause = new AtomicReference<>();
  private final Map<String, String> presence = new ConcurrentHashMap<>();
  private final Map<String, StaffAccount> accounts = new ConcurrentHashMap<>();
  private final Map<String, Long> codeSteps = new ConcurrentHashMap<>();
  private volatile boolean secondFactorRequired;
  private final Deque<Duration> handlingTimes = new ConcurrentLinkedDeque<>();
  private final Deque<SafeguardingEvent> safeguarding = new ConcurrentLinkedDeque<>();
  private final Deque<SatisfactionEvent> satisfaction = new ConcurrentLinkedDeque<>();
  private record Typing(String username, java.time.Instant until) {}

  private final Map<String, Typing> typing = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retention;

  InMemoryStaffStore(Clock clock, Duration retention) {
    this.clock = clock;
    this.retention = retention;
  }

  @Override
  public boolean keptAcrossRestarts() {
    return false;
  }

  @Override
  public synchronized void audit(AuditEntry entry) {
    log.addFirst(entry);
    while (log.size() > AUDIT_KEPT) {
      log.pollLast();
    }
    if (entry.conversationId() != null) {
      auditByConversation.computeIfAbsent(entry.conversationId(), id -> new CopyOnWriteArrayList<>()).add(entry);
    }
  }

  @Override
  public List<AuditEntry> auditLog(int limit) {
    return log.stream().limit(Math.max(0, limit)).toList();
  }

  @Override
  public List<AuditEntry> auditOf(String conversationId) {
    return List.copyOf(auditByConversation.getOrDefault(conversationId, List.of()));
  }

  @Override
  public synchronized void eraseConversation(String conversationId, String reference, AuditEntry erasure) {
    notes.remove(conversationId);
    auditByConversation.remove(conversationId);
    typing.remove(conversationId);
    List<SafeguardingEvent> events = new java.util.ArrayList<>(safeguarding);
    safeguarding.clear();
    events.forEach(e -> safeguarding.addLast(conversationId.equals(e.conversationId())
        ? new SafeguardingEvent(e.at(), null, e.channel(), e.category(), e.kind(), e.seconds()) : e));
    List<AuditEntry> entries = new java.util.ArrayList<>(log);
    log.clear();
    entries.forEach(e -> log.addLast(conversationId.equals(e.conversationId())
        ? new AuditEntry(e.at(), e.actor(), e.action(), reference, e.detail()) : e));
    log.addFirst(erasure);
    while (log.size() > AUDIT_KEPT) {
      log.pollLast();
    }
  }

  @Override
  public void addNote(String conversationId, StaffNote note) {
    notes.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(note);
  }

  @Override
  public List<StaffNote> notes(String conversationId) {
    return List.copyOf(notes.getOrDefault(conversationId, List.of()));
  }

  @Override
  public void markTyping(String conversationId, String username, Duration ttl) {
    typing.put(conversationId, new Typing(username, clock.instant().plus(ttl)));
  }

  @Override
  public Optional<String> typing(String conversationId) {
    Typing now = typing.get(conversationId);
    if (now == null || !now.until().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(now.username());
  }

  @Override
  public void clearTyping(String conversationId) {
    typing.remove(conversationId);
  }

  @Override
  public Optional<BotPause> botPause() {
    return Optional.ofNullable(pause.get());
  }

  @Override
  public void pauseBot(BotPause newPause) {
    pause.set(newPause);
  }

  @Override
  public void resumeBot() {
    pause.set(null);
  }

  @Override
  public void setPresence(String username, String status) {
    presence.put(username, status);
  }

  @Override
  public Map<String, String> presence() {
    return Map.copyOf(presence);
  }

  @Override
  public Optional<StaffAccount> account(String username) {
    return Optional.ofNullable(accounts.get(username));
  }

  @Override
  public List<StaffAccount> accounts() {
    return accounts.values().stream().sorted(java.util.Comparator.comparing(StaffAccount::username)).toList();
  }

  @Override
  public void saveAccount(StaffAccount account) {
    accounts.put(account.username(), account);
  }

  @Override
  public boolean createAccountIfAbsent(StaffAccount account) {
    return accounts.putIfAbsent(account.username(), account) == null;
  }

  @Override
  public boolean secondFactorRequired() {
    return secondFactorRequired;
  }

  @Override
  public void requireSecondFactor(boolean required) {
    secondFactorRequired = required;
  }

  @Override
  public boolean useCodeStep(String username, long step) {
    boolean[] first = {false};
    codeSteps.compute(username, (name, last) -> {
      if (last != null && last >= step) {
        return last;
      }
      first[0] = true;
      return step;
    });
    return first[0];
  }

  @Override
  public void recordHandlingTime(Duration handled) {
    handlingTimes.addFirst(handled);
    while (handlingTimes.size() > HANDLING_TIMES_KEPT) {
      handlingTimes.pollLast();
    }
  }

  @Override
  public List<Duration> recentHandlingTimes() {
    return List.copyOf(handlingTimes);
  }

  @Override
  public synchronized void recordSafeguarding(SafeguardingEvent event) {
    safeguarding.addFirst(event);
    while (safeguarding.size() > SAFEGUARDING_KEPT) {
      safeguarding.pollLast();
    }
  }

  @Override
  public List<SafeguardingEvent> safeguardingEvents(int limit) {
    return safeguarding.stream().limit(Math.max(0, limit)).toList();
  }

  @Override
  public void recordSatisfaction(SatisfactionEvent event) {
    satisfaction.addFirst(event);
    while (satisfaction.size() > SATISFACTION_KEPT) {
      satisfaction.pollLast();
    }
  }

  @Override
  public List<SatisfactionEvent> satisfactionEvents(int limit) {
    return satisfaction.stream().limit(Math.max(0, limit)).toList();
  }

  /** Drops per-conversation trails and notes older than the retention period. */
  void purgeExpired() {
    Instant cutoff = clock.instant().minus(retention);
    auditByConversation.values().removeIf(trail -> lastOf(trail.stream().map(AuditEntry::at).toList(), cutoff));
    notes.values().removeIf(list -> lastOf(list.stream().map(StaffNote::at).toList(), cutoff));
    log.removeIf(e -> e.at().isBefore(cutoff));
    safeguarding.removeIf(e -> e.at().isBefore(cutoff));
    satisfaction.removeIf(e -> e.at().isBefore(cutoff));
  }

  private static boolean lastOf(List<Instant> times, Instant cutoff) {
    return new ArrayList<>(times).stream().allMatch(t -> t.isBefore(cutoff));
  }
}
