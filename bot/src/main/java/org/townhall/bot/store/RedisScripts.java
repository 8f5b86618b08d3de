package org.townhall.bot.store;

/** The Lua scripts that make multi-key changes atomic in Redis. */
final class RedisScripts {

  private RedisScripts() {}

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

  /**
   * KEYS: the conversation's notes, its audit trail, its typing notice, the safeguarding events, the
   * audit log. ARGV: conversation id, its reference, the erasure's audit entry JSON, entries kept in
   * the log. Deletes the first three; in the events, the id becomes null; in the log, the reference.
   * Reads each list once (at most the capped 50,000 entries) and rewrites only the matching entries.
   */
  static final String ERASE_CONVERSATION = """
      redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
      local needle = '"conversationId":"' .. ARGV[1] .. '"'
      local function rewrite(key, replacement)
        local entries = redis.call('LRANGE', key, 0, -1)
        for i, entry in ipairs(entries) do
          local from, to = string.find(entry, needle, 1, true)
          if from then
            redis.call('LSET', key, i - 1, string.sub(entry, 1, from - 1) .. replacement .. string.sub(entry, to + 1))
          end
        end
      end
      rewrite(KEYS[4], '"conversationId":null')
      rewrite(KEYS[5], '"conversationId":"' .. ARGV[2] .. '"')
      redis.call('LPUSH', KEYS[5], ARGV[3])
      redis.call('LTRIM', KEYS[5], 0, tonumber(ARGV[4]) - 1)
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
   * KEYS: hash of user name to the last one-time code step used. ARGV: user name, step. Records the
   * step only if it is later than the last one used; returns 1 if recorded, else 0 (a replayed code).
   */
  static final String USE_CODE_STEP = """
      local last = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
      if tonumber(ARGV[2]) <= last then return 0 end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
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
