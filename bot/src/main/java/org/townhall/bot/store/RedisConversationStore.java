package org.townhall.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The production store, shared by every bot instance. Keys (with the configured prefix, default
 * {@code th:}):
 *
 * <ul>
 *   <li>{@code conv:<id>}: hash with {@code v} (version), {@code json} (the record) and, while the
 *       resident has not written in it, {@code empty}
 *   <li>{@code conv:<id>:log}: list of transcript entries as JSON, seq = index + 1
 *   <li>{@code handoff}: sorted set of conversation ids holding a handoff ticket
 *   <li>{@code idle}: sorted set of conversation ids by idle deadline (ms), for time-outs
 *   <li>{@code resident:<channel>:<sha256(channel user id)>}: sorted set of that resident's conversation
 *       ids by start time (ms), expiring with them
 *   <li>{@code delivery:<key>}: marks a channel message id as seen, with a TTL
 *   <li>{@code lock:<id>}: the per-conversation lease lock
 * </ul>
 *
 * <p>Conversation keys expire after the retention period, counted from the last change (the
 * shorter empty-conversation retention while marked {@code empty}). The
 * standalone client does not retry, so every write is one idempotent-by-version Lua script: a
 * repeated commit with the old version fails the compare-and-set instead of writing twice.
 */
class RedisConversationStore implements ConversationStore {

  private final UnifiedJedis redis;
  private final StoredJson json;
  private final Clock clock;
  private final RedisKeys keys;
  private final long retentionMillis;
  private final long emptyRetentionMillis;
  private final RedisLeaseLock lock;

  RedisConversationStore(UnifiedJedis redis, ObjectMapper json, Clock clock, String prefix, Duration retention,
      Duration emptyRetention, Duration lockLease, Duration lockWait) {
    this.redis = redis;
    this.json = new StoredJson(json);
    this.clock = clock;
    this.keys = new RedisKeys(prefix);
    this.retentionMillis = retention.toMillis();
    this.emptyRetentionMillis = emptyRetention.toMillis();
    this.lock = new RedisLeaseLock(redis, lockLease, lockWait);
  }

  @Override
  public Optional<ConversationRecord> find(String id) {
    String stored = call(() -> redis.hget(keys.conversation(id), "json"));
    return Optional.ofNullable(stored).map(s -> json.read(s, ConversationRecord.class));
  }

  @Override
  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    List<String> lines = call(() -> redis.lrange(keys.transcript(id), Math.max(0, afterSeq), -1));
    return lines.stream().map(s -> json.read(s, TranscriptEntry.class)).toList();
  }

  @Override
  public Optional<CommitResult> commit(
      ConversationRecord next, long expectedVersion, List<TranscriptEntry> entries) {
    long lastSeq = next.lastSeq();
    List<TranscriptEntry> appended = new ArrayList<>(entries.size());
    for (TranscriptEntry entry : entries) {
      appended.add(entry.withSeq(++lastSeq));
    }
    ConversationRecord committed = next.committed(lastSeq, clock.instant());
    List<String> args = new ArrayList<>();
    args.add(Long.toString(expectedVersion));
    args.add(Long.toString(committed.version()));
    args.add(json.write(committed));
    args.add(Long.toString(retentionMillis));
    args.add(committed.handoff() == null ? "" : Long.toString((long) committed.handoff().queueScore()));
    args.add(committed.id());
    args.add(committed.idleDeadline() == null ? "" : Long.toString(committed.idleDeadline().toEpochMilli()));
    args.add(Long.toString(committed.createdAt().toEpochMilli()));
    args.add(Long.toString(emptyRetentionMillis));
    args.add(appended.stream().anyMatch(TranscriptEntry::fromResident) ? "1" : "0");
    appended.forEach(e -> args.add(json.write(e)));
    Object ok = call(() -> redis.eval(RedisScripts.COMMIT,
        List.of(keys.conversation(next.id()), keys.transcript(next.id()), keys.handoffQueue(), keys.idle(),
            keys.resident(committed.channel(), committed.channelUserId())), args));
    return Long.valueOf(1).equals(ok) ? Optional.of(new CommitResult(committed, appended)) : Optional.empty();
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    List<String> ids = call(() -> redis.zrange(keys.handoffQueue(), 0, -1));
    List<ConversationRecord> queue = new ArrayList<>(ids.size());
    for (String id : ids) {
      find(id).ifPresentOrElse(queue::add,
          // The conversation expired under retention: drop its dangling queue entry.
          () -> call(() -> redis.zrem(keys.handoffQueue(), id)));
    }
    return queue;
  }

  @Override
  public List<String> conversationsOf(String channel, String channelUserId, int limit) {
    List<String> ids = call(() -> redis.zrevrange(keys.resident(channel, channelUserId), 0, -1));
    List<String> live = new ArrayList<>(Math.min(ids.size(), limit));
    for (String id : ids) {
      if (live.size() == limit) {
        break;
      }
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        call(() -> redis.zrem(keys.resident(channel, channelUserId), id));
      }
    }
    return live;
  }

  @Override
  public List<String> idleSince(Instant now, int limit) {
    List<String> ids = call(() -> redis.zrangeByScore(keys.idle(), 0, now.toEpochMilli(), 0, limit));
    List<String> live = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        call(() -> redis.zrem(keys.idle(), id));
      }
    }
    return live;
  }

  @Override
  public boolean wasDelivered(String key) {
    return call(() -> redis.exists(keys.delivery(key)));
  }

  @Override
  public void markDelivered(String key, Duration ttl) {
    call(() -> redis.psetex(keys.delivery(key), ttl.toMillis(), "1"));
  }

  @Override
  public <T> T withConversationLock(String id, Supplier<T> work) {
    return lock.withLock(keys.lock(id), work);
  }



  /**
   * Error codes with which a reachable Redis refuses a command for now, whatever the command: after a
   * failover (a read-only replica), while loading its data, when full, when it cannot persist, or
   * while a script runs too long. They mean the store is unavailable (nothing was written), not a bug.
   */
  private static final Set<String> UNAVAILABLE_CODES = Set.of(
      "READONLY", "LOADING", "OOM", "MISCONF", "BUSY", "MASTERDOWN", "NOREPLICAS", "TRYAGAIN", "CLUSTERDOWN");

  static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisConnectionException e) {
      throw new StoreUnavailableException("Redis is not reachable", e);
    } catch (JedisDataException e) {
      String code = errorCode(e.getMessage());
      if (UNAVAILABLE_CODES.contains(code)) {
        throw new StoreUnavailableException("Redis refuses commands for now (" + code + ")", e);
      }
      throw e;
    } catch (JedisException e) {
      // The plain class is what the pool throws when it cannot hand out a connection: as unreachable as
      // a refused connection. Its subclasses (validation, cluster, …) are bugs and stay 500s.
      if (e.getClass() == JedisException.class) {
        throw new StoreUnavailableException("Redis is not reachable", e);
      }
      throw e;
    }
  }

  private static String errorCode(String message) {
    if (message == null) {
      return "";
    }
    String trimmed = message.strip();
    int space = trimmed.indexOf(' ');
    return space < 0 ? trimmed : trimmed.substring(0, space);
  }
}
