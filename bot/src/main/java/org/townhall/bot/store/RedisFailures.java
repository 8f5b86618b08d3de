package org.townhall.bot.store;

import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Which failures of the Redis client mean the store is unavailable for now (the APIs' 503, nothing was
 * written) and which are bugs (they stay as they are): for the store's own calls and for libraries
 * that use its client (the rate limits).
 */
public final class RedisFailures {

  /**
   * Error codes with which a reachable Redis refuses a command for now, whatever the command: after a
   * failover (a read-only replica), while loading its data, when full, when it cannot persist, or
   * while a script runs too long. They mean the store is unavailable (nothing was written), not a bug.
   */
  private static final Set<String> UNAVAILABLE_CODES = Set.of(
      "READONLY", "LOADING", "OOM", "MISCONF", "BUSY", "MASTERDOWN", "NOREPLICAS", "TRYAGAIN", "CLUSTERDOWN");

  private RedisFailures() {}

  /** Runs a command of the store's own, translating its failures. */
  static <T> T call(Supplier<T> command) {
    try {
      return command.get();
    } catch (JedisException e) {
      throw translated(e);
    }
  }

  /** A {@link StoreUnavailableException} for an unreachable or refusing Redis; {@code e} itself otherwise. */
  public static RuntimeException translated(JedisException e) {
    if (e instanceof JedisConnectionException) {
      return new StoreUnavailableException("Redis is not reachable", e);
    }
    if (e instanceof JedisDataException) {
      String code = errorCode(e.getMessage());
      return UNAVAILABLE_CODES.contains(code)
          ? new StoreUnavailableException("Redis refuses commands for now (" + code + ")", e)
          : e;
    }
    // The plain class is what the pool throws when it cannot hand out a connection: as unreachable as
    // a refused connection. Its subclasses (validation, cluster, …) are bugs and stay 500s.
    return e.getClass() == JedisException.class ? new StoreUnavailableException("Redis is not reachable", e) : e;
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
