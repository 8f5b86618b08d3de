package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.townhall.bot.store.RedisAccess;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;

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
 *   <li>{@code conv:<id>:words}: set of the words search finds it by (the resident's and staff's),
 *       expiring with it
 *   <li>{@code search}: sorted set of the ids of conversations the resident wrote in, by last change
 *       (ms): the order search walks; entries older than the retention period are trimmed on every commit
 *   <li>{@code ref:<first 8 hex digits of the id>}: set of the ids sharing a reference
 *       ({@link ConversationReferences}), expiring with the last of them
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
  private final RedisConversationKeys keys;
  private final Clock clock;
  private final long retentionMillis;
  private final long emptyRetentionMillis;

  RedisConversationStore(RedisAccess redis, Clock clock, Duration retention, Duration emptyRetention) {
    this.redis = redis;
    this.keys = new RedisConversationKeys(redis);
    this.clock = clock;
    this.retentionMillis = retention.toMillis();
    this.emptyRetentionMillis = emptyRetention.toMillis();
  }

  @Override
  public Optional<ConversationRecord> find(String id) {
    String stored = redis.call(r -> r.hget(keys.conversation(id), "json"));
    return Optional.ofNullable(stored).map(s -> redis.read(s, ConversationRecord.class));
  }

  @Override
  public List<TranscriptEntry> transcript(String id, long afterSeq) {
    List<String> lines = redis.call(r -> r.lrange(keys.transcript(id), Math.max(0, afterSeq), -1));
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
    long changedAt = committed.updatedAt().toEpochMilli();
    args.add(Long.toString(changedAt));
    args.add(Long.toString(changedAt - retentionMillis));
    args.add(Integer.toString(SearchWords.KEPT_PER_CONVERSATION));
    args.add(Integer.toString(appended.size()));
    appended.forEach(e -> args.add(redis.write(e)));
    SearchWords.of(appended).stream().limit(SearchWords.KEPT_PER_CONVERSATION).forEach(args::add);
    Object ok = redis.call(r -> r.eval(COMMIT,
        List.of(keys.conversation(next.id()), keys.transcript(next.id()), keys.handoff(), keys.idle(),
            keys.resident(committed.channel(), committed.channelUserId()), keys.callBacks(), keys.words(next.id()),
            keys.search(), keys.reference(next.id())), args));
    return Long.valueOf(1).equals(ok) ? Optional.of(new CommitResult(committed, appended)) : Optional.empty();
  }

  @Override
  public long erase(ConversationRecord conversation) {
    String id = conversation.id();
    if (!ConversationIds.wellFormed(id)) {
      // Ids come from the store itself; this guards the SCAN pattern below all the same.
      throw new IllegalArgumentException("not a conversation id");
    }
    Object lines = redis.call(r -> r.eval(ERASE,
        List.of(keys.conversation(id), keys.transcript(id), keys.words(id), keys.residentSeen(id), keys.handoff(),
            keys.idle(), keys.callBacks(), keys.search(), keys.reference(id),
            keys.resident(conversation.channel(), conversation.channelUserId())),
        List.of(id)));
    // Processed-message marks are named by the channel's message id, which only the channel knew:
    // found by SCAN (erasure is rare; each step reads a bounded batch, never the whole key space at once).
    redis.deleteMatching(keys.delivery("msg:" + id + ":*"));
    return lines instanceof Long n ? n : -1;
  }

  @Override
  public List<String> withBot(int limit) {
    return redis.call(r -> r.zrevrange(keys.idle(), 0, limit - 1L));
  }

  @Override
  public List<ConversationRecord> findAll(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> stored = redis.call(r -> {
      try (AbstractPipeline pipeline = r.pipelined()) {
        List<Response<String>> answers = ids.stream().map(id -> pipeline.hget(keys.conversation(id), "json")).toList();
        pipeline.sync();
        return answers.stream().map(Response::get).toList();
      }
    });
    return stored.stream().filter(Objects::nonNull).map(json -> redis.read(json, ConversationRecord.class)).toList();
  }

  @Override
  public List<ConversationRecord> handoffQueue() {
    List<String> ids = redis.call(r -> r.zrange(keys.handoff(), 0, -1));
    List<ConversationRecord> queue = new ArrayList<>(ids.size());
    for (String id : ids) {
      find(id).ifPresentOrElse(queue::add,
          // The conversation expired under retention: drop its dangling queue entry.
          () -> redis.call(r -> r.zrem(keys.handoff(), id)));
    }
    return queue;
  }

  @Override
  public List<String> conversationsOf(String channel, String channelUserId, int limit) {
    List<String> ids = redis.call(r -> r.zrevrange(keys.resident(channel, channelUserId), 0, -1));
    List<String> live = new ArrayList<>(Math.min(ids.size(), limit));
    for (String id : ids) {
      if (live.size() == limit) {
        break;
      }
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        redis.call(r -> r.zrem(keys.resident(channel, channelUserId), id));
      }
    }
    return live;
  }

  @Override
  public List<String> idleSince(Instant now, int limit) {
    List<String> ids = redis.call(r -> r.zrangeByScore(keys.idle(), 0, now.toEpochMilli(), 0, limit));
    List<String> live = new ArrayList<>(ids.size());
    for (String id : ids) {
      if (find(id).isPresent()) {
        live.add(id);
      } else {
        // Expired under retention: drop the dangling index entry.
        redis.call(r -> r.zrem(keys.idle(), id));
      }
    }
    return live;
  }

  @Override
  public List<ConversationRecord> callBacks(int limit) {
    List<String> ids = redis.call(r -> r.zrevrange(keys.callBacks(), 0, -1));
    List<ConversationRecord> found = new ArrayList<>(Math.min(ids.size(), limit));
    for (String id : ids) {
      if (found.size() == limit) {
        break;
      }
      find(id).ifPresentOrElse(found::add,
          // Expired under retention, and its details with it: drop the dangling index entry.
          () -> redis.call(r -> r.zrem(keys.callBacks(), id)));
    }
    return found;
  }

  @Override
  public void markResidentSeen(String id, Duration ttl) {
    redis.call(r -> r.psetex(keys.residentSeen(id), ttl.toMillis(), "1"));
  }

  @Override
  public boolean residentSeen(String id) {
    return redis.call(r -> r.exists(keys.residentSeen(id)));
  }

  @Override
  public boolean wasDelivered(String key) {
    return redis.call(r -> r.exists(keys.delivery(key)));
  }

  @Override
  public void markDelivered(String key, Duration ttl) {
    redis.call(r -> r.psetex(keys.delivery(key), ttl.toMillis(), "1"));
  }

  @Override
  public <T> T withConversationLock(String id, Supplier<T> work) {
    return redis.withLock(id, work);
  }

  /**
   * KEYS: record hash, transcript list, words set, "page open" mark, handoff, idle, call-backs and search
   * sorted sets, reference set, the resident's index. ARGV: the id. Returns the transcript's length,
   * or -1 if the record was not there. Redis drops a set left empty by itself.
   */
  private static final String ERASE = """
      local existed = redis.call('EXISTS', KEYS[1])
      local lines = redis.call('LLEN', KEYS[2])
      redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4])
      for i = 5, 8 do redis.call('ZREM', KEYS[i], ARGV[1]) end
      redis.call('SREM', KEYS[9], ARGV[1])
      redis.call('ZREM', KEYS[10], ARGV[1])
      if existed == 0 then return -1 end
      return lines
      """;

  /**
   * KEYS: record hash, transcript list, handoff sorted set, idle sorted set, the resident's
   * conversations sorted set, the call-backs sorted set, the words set, the search sorted set, the
   * reference set. ARGV: expected version, new version, record JSON, retention ms, queue score ("" =
   * not queued), conversation id, idle deadline ms ("" = none), created-at ms, empty-conversation
   * retention ms, "1" if an entry is the resident's, when the call-back request was left in ms ("" =
   * none), changed-at ms, the oldest changed-at search keeps (ms), how many words a conversation keeps,
   * the number of entries n, n entries JSON…, then the new lines' words….
   * Returns 1 when committed, 0 when the expected version did not match (nothing written).
   *
   * <p>The hash's {@code empty} field marks a conversation created without a line from the resident
   * until one arrives; only then does it keep the full retention, and only then can search find it.
   * Conversations stored before the mark existed have none, so they keep the full retention.
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
      local n = tonumber(ARGV[15])
      for i = 16, 15 + n do redis.call('RPUSH', KEYS[2], ARGV[i]) end
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
      -- Search finds only conversations the resident wrote in, and only while they are kept.
      if redis.call('HEXISTS', KEYS[1], 'empty') == 0 then
        if #ARGV > 15 + n and redis.call('SCARD', KEYS[7]) < tonumber(ARGV[14]) then
          redis.call('SADD', KEYS[7], unpack(ARGV, 16 + n))
        end
        redis.call('PEXPIRE', KEYS[7], ttl)
        redis.call('ZADD', KEYS[8], ARGV[12], ARGV[6])
        redis.call('ZREMRANGEBYSCORE', KEYS[8], '-inf', '(' .. ARGV[13])
        redis.call('SADD', KEYS[9], ARGV[6])
        if redis.call('PTTL', KEYS[9]) < tonumber(ttl) then redis.call('PEXPIRE', KEYS[9], ttl) end
      end
      return 1
      """;
}
