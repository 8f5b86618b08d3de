package org.townhall.bot.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the contact centre's staff share across bot instances: the audit log of their actions,
 * internal notes on conversations, the bot's kill switch and who is available. Implementations
 * throw {@link StoreUnavailableException} when the backing store cannot be reached, and are
 * thread-safe.
 */
public interface StaffStore {

  /** The newest entries kept in the whole audit log; older ones are dropped. */
  int AUDIT_KEPT = 50_000;

  /**
   * Whether what this store holds outlives the process: false for the in-memory default, which
   * forgets conversations, accounts and the audit log on restart (staff are told so in the console).
   */
  default boolean keptAcrossRestarts() {
    return true;
  }

  /** Appends to the audit log (and to the conversation's own audit trail, if it names one). */
  void audit(AuditEntry entry);

  /** The whole audit log, newest first, at most {@code limit} entries. */
  List<AuditEntry> auditLog(int limit);

  /** One conversation's audit trail, oldest first; kept as long as the conversation. */
  List<AuditEntry> auditOf(String conversationId);

  /**
   * Erases what this store keeps about one conversation, in one step: its notes, its own audit
   * trail and typing notice are deleted; its safeguarding events stay for the figures without its id;
   * the whole audit log keeps its entries (who did what and when, never content) with the
   * conversation's reference in place of its id; and {@code erasure} (naming the reference) is
   * added to the log, and to no conversation's trail.
   */
  void eraseConversation(String conversationId, String reference, AuditEntry erasure);

  void addNote(String conversationId, StaffNote note);

  /** A conversation's internal notes, oldest first. */
  List<StaffNote> notes(String conversationId);

  /** The kill switch, if the bot is paused. */
  Optional<BotPause> botPause();

  void pauseBot(BotPause pause);

  void resumeBot();

  /** Sets a member of staff's presence, e.g. {@code available} or {@code away}. */
  void setPresence(String username, String presence);

  /** Everyone's presence by user name; someone never set is absent. */
  Map<String, String> presence();

  /** A staff account by user name. */
  Optional<StaffAccount> account(String username);

  /** Every staff account, by user name. */
  List<StaffAccount> accounts();

  /** Creates or replaces an account. */
  void saveAccount(StaffAccount account);

  /** Creates an account unless one with that user name exists; true if it was created. */
  boolean createAccountIfAbsent(StaffAccount account);

  /** Whether every local account must give a one-time code after the password (an administrator's setting). */
  boolean secondFactorRequired();

  void requireSecondFactor(boolean required);

  /**
   * Records that a member of staff signed in with the one-time code of time step {@code step}, atomically
   * across instances; false if that step or a later one was used already. A code is good once
   * (RFC 6238, section 5.2), even while it is still within its window.
   */
  boolean useCodeStep(String username, long step);

  /**
   * Notes that a member of staff is typing a reply in a conversation, for {@code ttl}: the resident
   * sees a typing notice until it lapses or the reply arrives.
   */
  void markTyping(String conversationId, String username, java.time.Duration ttl);

  /** Who is typing in a conversation now, if anyone. */
  Optional<String> typing(String conversationId);

  /** Ends a typing notice at once (the reply was sent, or the person left). */
  void clearTyping(String conversationId);

  /** How many recent handling times are kept for wait estimates. */
  int HANDLING_TIMES_KEPT = 50;

  /** Records how long a member of staff had a conversation, from claim to close. */
  void recordHandlingTime(java.time.Duration handled);

  /** The most recent handling times, newest first. */
  List<java.time.Duration> recentHandlingTimes();

  /** The newest safeguarding events kept; older ones are dropped. */
  int SAFEGUARDING_KEPT = 50_000;

  /** Records a safeguarding fact for the figures (no message text). */
  void recordSafeguarding(SafeguardingEvent event);

  /** Safeguarding events, newest first, at most {@code limit}. */
  List<SafeguardingEvent> safeguardingEvents(int limit);

  /** The newest satisfaction answers kept; older ones are dropped (and those past retention). */
  int SATISFACTION_KEPT = 20_000;

  /** Records an answer to the satisfaction question (no resident, no conversation). */
  void recordSatisfaction(SatisfactionEvent event);

  /** Satisfaction answers, newest first, at most {@code limit}. */
  List<SatisfactionEvent> satisfactionEvents(int limit);
}
