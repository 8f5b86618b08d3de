package org.townhall.bot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.StaffStore;

/** Writes every staff action to the shared audit log, with who and when. */
@Component
class AuditTrail {

  /** An open conversation is re-read every few seconds: one "view" entry per person per this long. */
  private static final Duration VIEW_REPEAT = Duration.ofMinutes(10);
  private static final int VIEWS_REMEMBERED = 10_000;

  private final StaffStore store;
  private final Clock clock;
  private final Map<String, Instant> lastViews = new ConcurrentHashMap<>();

  AuditTrail(StaffStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  void record(String actor, String action, String conversationId, String detail) {
    store.audit(new AuditEntry(clock.instant(), actor, action, conversationId, detail));
  }

  /** Records that someone opened a conversation's transcript, unless they did so just now. */
  void viewed(String actor, String conversationId) {
    viewed(actor, conversationId, "view");
  }

  /**
   * Records that a supervisor watched a conversation the bot has (read it live, unseen by the
   * resident), unless they did so just now: the watching page re-reads it every few seconds.
   */
  void watched(String actor, String conversationId) {
    viewed(actor, conversationId, "watch");
  }

  /**
   * Records that someone saw personal data ({@code action}: {@code view} for a transcript,
   * {@code watch} for one the bot has, {@code call_back_view} for a resident's email address and phone
   * number), unless they did so just now.
   */
  void viewed(String actor, String conversationId, String action) {
    Instant now = clock.instant();
    String key = actor + '\n' + action + '\n' + conversationId;
    Instant last = lastViews.get(key);
    if (last != null && last.plus(VIEW_REPEAT).isAfter(now)) {
      return;
    }
    if (lastViews.size() > VIEWS_REMEMBERED) {
      lastViews.clear();
    }
    record(actor, action, conversationId, null);
    lastViews.put(key, now);
  }
}
