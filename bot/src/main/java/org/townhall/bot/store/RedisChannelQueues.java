package org.townhall.bot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;

/**
 * Channel queues in Redis, shared by every bot instance, so that nothing received or waiting to be
 * sent is lost when an instance stops. Keys (with the store's prefix):
 *
 * <ul>
 *   <li>{@code q:<queue>:due}: sorted set of lanes by the time (ms) their head is due
 *   <li>{@code q:<queue>:lane:<lane>}: list of a lane's items, head first
 *   <li>{@code q:<queue>:attempts}: hash of lane to the head's retry count
 *   <li>{@code q:<queue>:seen:<key>}: a dedupe key, with a TTL
 * </ul>
 *
 * Every change is one Lua script, so a lane and its due time never disagree.
 */
class RedisChannelQueues implements ChannelQueues {

  private final UnifiedJedis redis;
  private final String prefix;

  RedisChannelQueues(UnifiedJedis redis, String prefix) {
    this.redis = redis;
    this.prefix = prefix;
  }

  @Override
  public boolean append(String queue, String lane, String item, String dedupeKey, Duration dedupeTtl, Instant due) {
    String seen = dedupeKey == null ? "" : base(queue) + "seen:" + dedupeKey;
    Object ok = RedisFailures.call(() -> redis.eval(APPEND,
        List.of(due(queue), lane(queue, lane), seen.isEmpty() ? due(queue) : seen),
        List.of(item, Long.toString(dedupeTtl == null ? 0 : dedupeTtl.toMillis()), Long.toString(due.toEpochMilli()),
            lane, seen.isEmpty() ? "0" : "1")));
    return Long.valueOf(1).equals(ok);
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Claimed> claim(String queue, Instant now, Duration lease) {
    Object found = RedisFailures.call(() -> redis.eval(CLAIM, List.of(due(queue), attempts(queue)),
        List.of(Long.toString(now.toEpochMilli()), Long.toString(now.plus(lease).toEpochMilli()), base(queue) + "lane:")));
    if (!(found instanceof List<?> parts) || parts.size() < 3) {
      return Optional.empty();
    }
    List<Object> p = (List<Object>) parts;
    return Optional.of(new Claimed(p.get(0).toString(), p.get(1).toString(), Integer.parseInt(p.get(2).toString())));
  }

  @Override
  public void complete(String queue, String lane, Instant nextDue) {
    RedisFailures.call(() -> redis.eval(COMPLETE, List.of(due(queue), lane(queue, lane), attempts(queue)),
        List.of(Long.toString(nextDue.toEpochMilli()), lane)));
  }

  @Override
  public void retry(String queue, String lane, Instant due) {
    RedisFailures.call(() -> redis.eval(RETRY, List.of(due(queue), attempts(queue)),
        List.of(Long.toString(due.toEpochMilli()), lane)));
  }

  @Override
  public long discard(String queue, String lane) {
    Object n = RedisFailures.call(() -> redis.eval(DISCARD,
        List.of(due(queue), lane(queue, lane), attempts(queue)), List.of(lane)));
    return n instanceof Long count ? count : 0;
  }

  @Override
  public void forgetSeen(String queue, String keyPrefix) {
    RedisAccess.deleteMatching(redis, base(queue) + "seen:" + safePrefix(keyPrefix) + "*");
  }

  /** Checked, so that no text can add glob characters to the SCAN pattern. */
  static String safePrefix(String keyPrefix) {
    if (!keyPrefix.matches("[A-Za-z0-9:_-]{1,200}")) {
      throw new IllegalArgumentException("not a dedupe key prefix");
    }
    return keyPrefix;
  }

  @Override
  public long size(String queue) {
    List<String> lanes = RedisFailures.call(() -> redis.zrange(due(queue), 0, -1));
    long total = 0;
    for (String lane : lanes) {
      total += RedisFailures.call(() -> redis.llen(lane(queue, lane)));
    }
    return total;
  }

  private String base(String queue) {
    return prefix + "q:" + queue + ":";
  }

  private String due(String queue) {
    return base(queue) + "due";
  }

  private String lane(String queue, String lane) {
    return base(queue) + "lane:" + lane;
  }

  private String attempts(String queue) {
    return base(queue) + "attempts";
  }

  /** KEYS: due zset, lane list, seen key. ARGV: item, dedupe ttl ms, due ms, lane, dedupe (1/0). */
  private static final String APPEND = """
      if ARGV[5] == '1' then
        if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[2]) then return 0 end
      end
      redis.call('RPUSH', KEYS[2], ARGV[1])
      redis.call('ZADD', KEYS[1], 'NX', ARGV[3], ARGV[4])
      return 1
      """;

  /**
   * KEYS: due zset, attempts hash. ARGV: now ms, lease end ms, lane key prefix. Returns {lane, head,
   * attempts} or nil. Lanes left empty (paced after their last item) are dropped on the way.
   */
  private static final String CLAIM = """
      for i = 1, 20 do
        local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, 1)
        if #due == 0 then return nil end
        local lane = due[1]
        local head = redis.call('LINDEX', ARGV[3] .. lane, 0)
        if head then
          redis.call('ZADD', KEYS[1], ARGV[2], lane)
          return {lane, head, redis.call('HGET', KEYS[2], lane) or '0'}
        end
        redis.call('ZREM', KEYS[1], lane)
        redis.call('HDEL', KEYS[2], lane)
      end
      return nil
      """;

  /** KEYS: due zset, lane list, attempts hash. ARGV: next due ms, lane. */
  private static final String COMPLETE = """
      redis.call('LPOP', KEYS[2])
      redis.call('HDEL', KEYS[3], ARGV[2])
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      return 1
      """;

  /** KEYS: due zset, attempts hash. ARGV: due ms, lane. */
  private static final String RETRY = """
      redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
      redis.call('ZADD', KEYS[1], ARGV[1], ARGV[2])
      return 1
      """;

  /** KEYS: due zset, lane list, attempts hash. ARGV: lane. */
  private static final String DISCARD = """
      local n = redis.call('LLEN', KEYS[2])
      redis.call('DEL', KEYS[2])
      redis.call('ZREM', KEYS[1], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      return n
      """;
}
