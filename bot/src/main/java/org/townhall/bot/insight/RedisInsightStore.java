package org.townhall.bot.insight;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.townhall.bot.store.RedisAccess;
import redis.clients.jedis.params.SetParams;

/**
 * The counters in Redis, shared by every instance and kept across restarts: one hash per day
 * ({@code insight:day:<yyyy-mm-dd>}, counter name to count) expiring after the retention period;
 * the repeat-contact marks as {@code insight:mark:<sha-256>}, each expiring after the repeat window;
 * and the marks' salt ({@code insight:salt}). Key names are made here from a date and a hash only.
 */
final class RedisInsightStore implements InsightStore {

  // One round trip per conversation step: every increment and the day's expiry together.
  private static final String ADD = """
      for i = 2, #ARGV, 2 do
        redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
      end
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
      return 1
      """;
  private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

  private final RedisAccess redis;
  private final Duration retention;
  private volatile String salt;

  RedisInsightStore(RedisAccess redis, InsightProperties settings) {
    this.redis = redis;
    this.retention = settings.retention();
  }

  @Override
  public void add(LocalDate day, Map<String, Long> increments) {
    if (increments.isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>(1 + increments.size() * 2);
    // Kept for the retention period after the day itself, not after its last count.
    args.add(Long.toString(retention.plusDays(1).toMillis()));
    increments.forEach((name, by) -> {
      args.add(name);
      args.add(Long.toString(by));
    });
    redis.call(r -> r.eval(ADD, List.of(dayKey(day)), args));
  }

  @Override
  public Map<String, Long> day(LocalDate day) {
    Map<String, String> stored = redis.call(r -> r.hgetAll(dayKey(day)));
    Map<String, Long> counters = new TreeMap<>();
    stored.forEach((name, count) -> counters.put(name, Long.parseLong(count)));
    return counters;
  }

  @Override
  public boolean markRepeat(String mark, String contact, Duration window) {
    if (!HASH.matcher(mark).matches()) {
      throw new IllegalArgumentException("a mark is a SHA-256 hash");
    }
    String before = redis.call(r -> r.setGet(redis.key("insight:mark:" + mark), contact,
        SetParams.setParams().px(window.toMillis())));
    return before != null && !before.equals(contact);
  }

  @Override
  public String salt() {
    String known = salt;
    if (known == null) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String mine = HexFormat.of().formatHex(random);
      String key = redis.key("insight:salt");
      // The first instance's salt wins: every instance must hash a resident the same way.
      redis.call(r -> r.setnx(key, mine));
      known = redis.call(r -> r.get(key));
      salt = known;
    }
    return known;
  }

  private String dayKey(LocalDate day) {
    return redis.key("insight:day:" + day);
  }
}
