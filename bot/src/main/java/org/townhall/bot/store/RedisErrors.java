package org.townhall.bot.store;

import java.util.Set;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/** How a Redis command's failure reads to the rest of the bot: unavailable (retry later) or a bug. */
final class RedisErrors {

  private RedisErrors() {}

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
