package org.townhall.bot.store;

import static org.townhall.bot.store.RedisFailures.call;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Staff data in Redis, shared by every bot instance. Keys (with the prefix): {@code audit} (list,
 * newest first, capped at {@link #AUDIT_KEPT}), {@code conv:<id>:audit} and {@code conv:<id>:notes}
 * (lists expiring with the conversation's retention), {@code bot:pause} (the kill switch, JSON) and
 * {@code presence} (hash of user name to presence) and {@code staff} (hash of user name to account
 * JSON, with the password hash and the second-factor secret), {@code second-factor-required} (present
 * while every local account must give a one-time code), {@code code-steps} (hash of user name to the
 * time step of the last one-time code used), {@code handling-times} (recent claim-to-close times in ms,
 * newest first, capped) and {@code safeguarding} (safeguarding events as JSON, newest first, capped at
 * {@link #SAFEGUARDING_KEPT}; no message text) and {@code satisfaction} (answers to the satisfaction question
 * as JSON, newest first, capped at {@link #SATISFACTION_KEPT}; comments redacted, no resident or conversation).
 */
class RedisStaffStore implements StaffStore {

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final RedisKeys keys;
  private final long retentionMillis;

  RedisStaffStore(UnifiedJedis redis, ObjectMapper json, String prefix, Duration retention) {
    this.redis = redis;
    this.json = new StoredJson(json);
    this.keys = new RedisKeys(prefix);
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public void audit(AuditEntry entry) {
    String trail = entry.conversationId() == null ? "" : keys.conversationAudit(entry.conversationId());
    call(() -> redis.eval(RedisScripts.AUDIT, List.of(keys.auditLog(), trail),
        List.of(json.write(entry), Integer.toString(AUDIT_KEPT), Long.toString(retentionMillis))));
  }

  @Override
  public List<AuditEntry> auditLog(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return call(() -> redis.lrange(keys.auditLog(), 0, limit - 1)).stream()
        .map(s -> json.read(s, AuditEntry.class)).toList();
  }

  @Override
  public List<AuditEntry> auditOf(String conversationId) {
    return call(() -> redis.lrange(keys.conversationAudit(conversationId), 0, -1)).stream()
        .map(s -> json.read(s, AuditEntry.class)).toList();
  }

  @Override
  public void eraseConversation(String conversationId, String reference, AuditEntry erasure) {
    call(() -> redis.eval(RedisScripts.ERASE_CONVERSATION,
        List.of(keys.notes(conversationId), keys.conversationAudit(conversationId), keys.typing(conversationId),
            keys.safeguardingEvents(), keys.auditLog()),
        List.of(conversationId, reference, json.write(erasure), Integer.toString(AUDIT_KEPT))));
  }

  @Override
  public void addNote(String conversationId, StaffNote note) {
    call(() -> redis.eval(RedisScripts.APPEND_EXPIRING, List.of(keys.notes(conversationId)),
        List.of(json.write(note), Long.toString(retentionMillis))));
  }

  @Override
  public List<StaffNote> notes(String conversationId) {
    return call(() -> redis.lrange(keys.notes(conversationId), 0, -1)).stream()
        .map(s -> json.read(s, StaffNote.class)).toList();
  }

  @Override
  public void markTyping(String conversationId, String username, Duration ttl) {
    call(() -> redis.psetex(keys.typing(conversationId), Math.max(1, ttl.toMillis()), username));
  }

  @Override
  public Optional<String> typing(String conversationId) {
    return Optional.ofNullable(call(() -> redis.get(keys.typing(conversationId))));
  }

  @Override
  public void clearTyping(String conversationId) {
    call(() -> redis.del(keys.typing(conversationId)));
  }

  @Override
  public Optional<BotPause> botPause() {
    return Optional.ofNullable(call(() -> redis.get(keys.botPause()))).map(s -> json.read(s, BotPause.class));
  }

  @Override
  public void pauseBot(BotPause pause) {
    call(() -> redis.set(keys.botPause(), json.write(pause)));
  }

  @Override
  public void resumeBot() {
    call(() -> redis.del(keys.botPause()));
  }

  @Override
  public void setPresence(String username, String presence) {
    call(() -> redis.hset(keys.presence(), username, presence));
  }

  @Override
  public Map<String, String> presence() {
    return Map.copyOf(call(() -> redis.hgetAll(keys.presence())));
  }

  @Override
  public Optional<StaffAccount> account(String username) {
    return Optional.ofNullable(call(() -> redis.hget(keys.staffAccounts(), username)))
        .map(s -> json.read(s, StaffAccount.class));
  }

  @Override
  public List<StaffAccount> accounts() {
    return call(() -> redis.hvals(keys.staffAccounts())).stream()
        .map(s -> json.read(s, StaffAccount.class))
        .sorted(java.util.Comparator.comparing(StaffAccount::username))
        .toList();
  }

  @Override
  public void saveAccount(StaffAccount account) {
    call(() -> redis.hset(keys.staffAccounts(), account.username(), json.write(account)));
  }

  @Override
  public boolean createAccountIfAbsent(StaffAccount account) {
    return call(() -> redis.hsetnx(keys.staffAccounts(), account.username(), json.write(account))) == 1;
  }

  @Override
  public boolean secondFactorRequired() {
    return call(() -> redis.exists(keys.secondFactorRequired()));
  }

  @Override
  public void requireSecondFactor(boolean required) {
    call(() -> required ? redis.set(keys.secondFactorRequired(), "1") : redis.del(keys.secondFactorRequired()));
  }

  @Override
  public boolean useCodeStep(String username, long step) {
    return Long.valueOf(1).equals(call(() -> redis.eval(RedisScripts.USE_CODE_STEP, List.of(keys.codeSteps()),
        List.of(username, Long.toString(step)))));
  }

  @Override
  public void recordHandlingTime(Duration handled) {
    call(() -> redis.eval(RedisScripts.PUSH_CAPPED, List.of(keys.handlingTimes()),
        List.of(Long.toString(handled.toMillis()), Integer.toString(HANDLING_TIMES_KEPT))));
  }

  @Override
  public List<Duration> recentHandlingTimes() {
    return call(() -> redis.lrange(keys.handlingTimes(), 0, -1)).stream()
        .map(ms -> Duration.ofMillis(Long.parseLong(ms))).toList();
  }

  @Override
  public void recordSafeguarding(SafeguardingEvent event) {
    call(() -> redis.eval(RedisScripts.PUSH_CAPPED, List.of(keys.safeguardingEvents()),
        List.of(json.write(event), Integer.toString(SAFEGUARDING_KEPT))));
  }

  @Override
  public List<SafeguardingEvent> safeguardingEvents(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return call(() -> redis.lrange(keys.safeguardingEvents(), 0, limit - 1)).stream()
        .map(s -> json.read(s, SafeguardingEvent.class)).toList();
  }

  @Override
  public void recordSatisfaction(SatisfactionEvent event) {
    call(() -> redis.eval(RedisScripts.PUSH_CAPPED, List.of(keys.satisfactionEvents()),
        List.of(json.write(event), Integer.toString(SATISFACTION_KEPT))));
  }

  @Override
  public List<SatisfactionEvent> satisfactionEvents(int limit) {
    if (limit <= 0) {
      return List.of();
    }
    return call(() -> redis.lrange(keys.satisfactionEvents(), 0, limit - 1)).stream()
        .map(s -> json.read(s, SatisfactionEvent.class)).toList();
  }
}
