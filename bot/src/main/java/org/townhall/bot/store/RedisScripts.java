package org.townhall.bot.store;

/** The Lua scripts that make multi-key changes atomic in Redis. */
final class RedisScripts {

  private RedisScripts() {}

  /**
   * KEYS: record hash, transcript list, handoff sorted set, idle sorted set, the resident's
   * conversations sorted set. ARGV: expected version, new version, record JSON, retention ms, queue
   * score ("" = not queued), conversation id, idle deadline ms ("" = none), created-at ms,
   * empty-conversation retention ms, "1" if an entry is the resident's, entries JSON….
   * Returns 1 when committed, 0 when the expected version did not match (nothing written).
   *
   * <p>The hash's {@code empty} field marks a conversation created without a line from the resident
   * until one arrives; only then does it keep the full retention. Conversations stored before the
   * mark existed have none, so they keep the full retention.
   */
  static final String COMMIT = """
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
      for i = 11, #ARGV do redis.call('RPUSH', KEYS[2], ARGV[i]) end
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
      redis.call('ZADD', KEYS[5], ARGV[8], ARGV[6])
      -- The resident's index also lists their other conversations: an empty one never shortens its life.
      if redis.call('PTTL', KEYS[5]) < tonumber(ttl) then redis.call('PEXPIRE', KEYS[5], ttl) end
      return 1
      """;

  /** KEYS: lock. ARGV: token. Deletes the lock only if this holder still owns it. */
  static final String RELEASE_LOCK = """
      if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
      return 0
      """;

  /**
   * KEYS: audit log list, the conversation's audit list ("" when none). ARGV: entry JSON, entries
   * kept in the log, retention ms. Newest first in the log, oldest first in the conversation's trail.
   */
  static final String AUDIT = """
      redis.call('LPUSH', KEYS[1], ARGV[1])
      redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
      if KEYS[2] ~= '' then
        redis.call('RPUSH', KEYS[2], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
      end
      return 1
      """;

  /** KEYS: list. ARGV: value, retention ms. Appends and (re)sets the list's expiry. */
  static final String APPEND_EXPIRING = """
      redis.call('RPUSH', KEYS[1], ARGV[1])
      redis.call('PEXPIRE', KEYS[1], ARGV[2])
      return 1
      """;

  /** KEYS: list. ARGV: value, how many to keep. Pushes to the front and drops the oldest beyond the cap. */
  static final String PUSH_CAPPED = """
      redis.call('LPUSH', KEYS[1], ARGV[1])
      redis.call('LTRIM', KEYS[1], 0, tonumber(ARGV[2]) - 1)
      return 1
      """;

  /**
   * KEYS: the session's key, the key it was loaded under (the same unless its id changed since).
   * ARGV: the serialised session, its time to live in ms, "1" if it was loaded from Redis (not new).
   * A loaded session is written only while its old key still exists: a sign-out or expiry on another
   * instance, between this request's read and write, is never undone. Returns 1 if written, else 0.
   */
  static final String SAVE_SESSION = """
      if ARGV[3] == '1' then
        if KEYS[1] ~= KEYS[2] then
          if redis.call('DEL', KEYS[2]) == 0 then return 0 end
        elseif redis.call('EXISTS', KEYS[1]) == 0 then
          return 0
        end
      end
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      return 1
      """;
}
