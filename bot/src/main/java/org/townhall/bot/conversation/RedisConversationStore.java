package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.Sha256;

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
 *   <li>{@code callbacks}: sorted set of ids of conversations holding a call-back request, by when it
 *       was left (ms)
 *   <li>{@code seen:<id>}: the resident's chat page asked for the conversation lately (expires)
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

  private final RedisAccess redis;
  private final Clock clock;
  private final long retentionMillis;
  private final long emptyRetentionMillis;

  RedisConversationStore(RedisAccess redis, Clock clock, Duration retention, Duration emptyRetention) {
    this.redis = redis;
    this.clock = clock;
    this.retentionMillis = retention.toMillis();
    this.emptyRetentionMillis = emptyRetention.toMillis();
  }

  @Override
  public Optional<ConversationRecord> find(String id) {
    String stored = redis.call(r -> r.hget(conversationKey(id), "json"));
    return Optional.ofNullable(stored).map(s -> redis.read(s, ConversationRecord.class));
  }

  @Override
  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    List<String> lines = redis.call(r -> r.lrange(transcriptKey(id), Math.max(0, afterSeq), -1));
    return lines.stream().map(s -> redis.read(s, TranscriptEntry.class)).toList();
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
    args.add(redis.write(committed));
    args.add(Long.toString(retentionMillis));
    args.add(committed.handoff() == null ? "" : Long.toString((long) committed.handoff().queueScore()));
    args.add(committed.id());
    args.add(committed.idleDeadline() == null ? "" : Long.toString(committed.idleDeadline().toEpochMilli()));
    args.add(Long.toString(committed.createdAt().toEpochMilli()));
    args.add(Long.toString(emptyRetentionMillis));
    args.add(appended.stream().anyMatch(TranscriptEntry::fromResident) ? "1" : "0");
    args.add(committed.callBack() == null ? "" : Long.toString(committed.callBack().leftAt().toEpochMilli()));
    appended.forEach(e -> args.add(redis.write(e)));
    Object ok = redis.call(r -> r.eval(COMMIT,
        List.of(conversationKey(next.id()), transcriptKey(next.id()), redis.key("handoff"), redis.key("idle"),
            residentKey(committed.channel(), committed.channelUserId()), redis.key("callbacks")), args));
    return Long.valueOf(1).equals(ok) ? Optional.of(new CommitResult(committed, appended)) : Optional.empty();
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    List<String> ids = redis.call(r -> r.zrange(redis.key("handoff"), 0, -1));
    List<ConversationRecord> queue = new ArrayList<>(ids.size());
    for (String id : ids) {
      find(id).ifPresentOrElse(queue::add,
          // The conversation expired under retention: drop its dangling queue entry.
          () -> redis.call(r -> r.zrem(redis.key("handoff"), id)));
    }
    return queue;
  }

  @Override
  public List<String> conversationsOf(String channel, String channelUserId, int limit) {
    List<String> ids = redis.call(r -> r.zrevrange(residentKey(channel, channelUserId), 0, -1));
    List<String> live = new ArrayList<>(Math.min(ids.size(), limit));
    for (String id : ids) {
      if (live.size() == limit) {
        break;
      }
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        redis.call(r -> r.zrem(residentKey(channel, channelUserId), id));
      }
    }
    return live;
  }

  @Override
  public List<String> idleSince(Instant now, int limit) {
    List<String> ids = redis.call(r -> r.zrangeByScore(redis.key("idle"), 0, now.toEpochMilli(), 0, limit));
    List<String> live = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        redis.call(r -> r.zrem(redis.key("idle"), id));
      }
    }
    return live;
  }

  @Override
  public List<ConversationRecord> callBacks(int limit) {
    List<String> ids = redis.call(r -> r.zrevrange(redis.key("callbacks"), 0, -1));
    List<ConversationRecord> found = new ArrayList<>(Math.min(ids.size(), limit));
    for (String id : ids) {
      if (found.size() == limit) {
        break;
      }
      find(id).ifPresentOrElse(found::add,
          // Expired under retention, and its details with it: drop the dangling index entry.
          () -> redis.call(r -> r.zrem(redis.key("callbacks"), id)));
    }
    return found;
  }

  @Override
  public void markResidentSeen(String id, Duration ttl) {
    redis.call(r -> r.psetex(redis.key("seen:" + id), ttl.toMillis(), "1"));
  }

  @Override
  public boolean residentSeen(String id) {
    return redis.call(r -> r.exists(redis.key("seen:" + id)));
  }

  @Override
  public boolean wasDelivered(String key) {
    return redis.call(r -> r.exists(deliveryKey(key)));
  }

  @Override
  public void markDelivered(String key, Duration ttl) {
    redis.call(r -> r.psetex(deliveryKey(key), ttl.toMillis(), "1"));
  }

  @Override
  public <T> T withConversationLock(String id, Supplier<T> work) {
    return redis.withLock(id, work);
  }

  // Ids reach these names only after ConversationIds checked them (a UUID) at the edge.
  private String conversationKey(String id) {
    return redis.key("conv:" + id);
  }

  private String transcriptKey(String id) {
    return redis.key("conv:" + id + ":log");
  }

  /** A resident's conversations on a channel; the user id is hashed so keys never show it. */
  private String residentKey(String channel, String channelUserId) {
    return redis.key("resident:" + channel + ":" + Sha256.hex(channelUserId));
  }

  private String deliveryKey(String key) {
    return redis.key("delivery:" + key);
  }

  /**
   * KEYS: record hash, transcript list, handoff sorted set, idle sorted set, the resident's
   * conversations sorted set, call-backs sorted set. ARGV: expected version, new version, record JSON,
   * retention ms, queue score ("" = not queued), conversation id, idle deadline ms ("" = none),
   * created-at ms, empty-conversation retention ms, "1" if an entry is the resident's, when the
   * call-back request was left in ms ("" = none), entries JSON….
   * Returns 1 when committed, 0 when the expected version did not match (nothing written).
   *
   * <p>The hash's {@code empty} field marks a conversation created without a line from the resident
   * until one arrives; only then does it keep the full retention. Conversations stored before the
   * mark existed have none, so they keep the full retention.
   */
  private static final String COMMIT = """
      local stored = redis.call('HGET', KEYS[1], 'v')
      if (stored or '0') ~= ARGV[1] then return 0 end
      redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
      if ARGV[10] == '1' then
        redis.call('HDEL', KEYS[1], 'empty')
      elseif not stored then
        redis.call('HSET', KEYS[1], 'empty', '1')
      end
      local ttl = ARGV[4]
      if redis.call('HEXISTS', KEYS[1], 'empty') == 1 then ttl = ARGV[9] end
      for i = 12, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
      redis.call('PEXPIRE', KEYS[1], ttl)
      redis.call('PEXPIRE', KEYS[2], ttl)
      if ARGV[5] == '' then
        redis.call('ZREM', KEYS[3], ARGV[6])
      else
        redis.call('ZADD', KEYS[3], ARGV[5], ARGV[6])
      end
      if ARGV[7] == '' then
        redis.call('ZREM', KEYS[4], ARGV[6])
      else
        redis.call('ZADD', KEYS[4], ARGV[7], ARGV[6])
      end
      if ARGV[11] == '' then
        redis.call('ZREM', KEYS[6], ARGV[6])
      else
        redis.call('ZADD', KEYS[6], ARGV[11], ARGV[6])
      end
      redis.call('ZADD', KEYS[5], ARGV[8], ARGV[6])
      -- The resident's index also lists their other conversations: an empty one never shortens its life.
      if redis.call('PTTL', KEYS[5]) < tonumber(ttl) then redis.call('PEXPIRE', KEYS[5], ttl) end
      return 1
      """;
}
