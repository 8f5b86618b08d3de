package org.townhall.bot.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Supplier;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * What a feature that keeps its own data in the Redis store needs (the conversation feature keeps its
 * records this way): the shared client, key names under the configured prefix, the JSON form of
 * stored values, the per-name lease lock, and one meaning for Redis failures
 * ({@link StoreUnavailableException} when Redis cannot answer now). A bean only with
 * {@code townhall.store=redis}.
 */
public final class RedisAccess {

  private final UnifiedJedis redis;
  private final String prefix;
  private final StoredJson json;
  private final RedisLeaseLock lock;

  public RedisAccess(UnifiedJedis redis, ObjectMapper json, String prefix, Duration lockLease, Duration lockWait) {
    this.redis = redis;
    this.prefix = prefix;
    this.json = new StoredJson(json);
    this.lock = new RedisLeaseLock(redis, lockLease, lockWait);
  }

  /** A key name under the store's prefix; {@code name} must already be safe (never raw client input). */
  public String key(String name) {
    return prefix + name;
  }

  /** Runs Redis commands; a connection failure or a refusal-for-now becomes {@link StoreUnavailableException}. */
  public <T> T call(Function<UnifiedJedis, T> commands) {
    return RedisFailures.call(() -> commands.apply(redis));
  }

  /**
   * Deletes every key matching a glob {@code pattern} (a full key name, made with {@link #key} from
   * safe names: never client input), walking the key space with {@code SCAN} in batches. For rare
   * work such as erasing a resident's data, never for a request's normal path.
   *
   * @return how many keys were deleted
   */
  public long deleteMatching(String pattern) {
    return deleteMatching(redis, pattern);
  }

  static long deleteMatching(UnifiedJedis redis, String pattern) {
    return RedisFailures.call(() -> scanAndDelete(redis, pattern));
  }

  private static long scanAndDelete(UnifiedJedis redis, String pattern) {
    long deleted = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams params = new ScanParams().match(pattern).count(1000);
    do {
      var page = redis.scan(cursor, params);
      if (!page.getResult().isEmpty()) {
        deleted += redis.del(page.getResult().toArray(String[]::new));
      }
      cursor = page.getCursor();
    } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    return deleted;
  }

  public <T> T read(String stored, Class<T> type) {
    return json.read(stored, type);
  }

  public String write(Object value) {
    return json.write(value);
  }

  /**
   * Runs {@code work} holding the lease lock named {@code name}, shared by every instance; see
   * {@link RedisLeaseLock}.
   */
  public <T> T withLock(String name, Supplier<T> work) {
    return lock.withLock(key("lock:" + name), work);
  }
}
