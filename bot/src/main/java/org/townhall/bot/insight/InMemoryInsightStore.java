package org.townhall.bot.insight;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/** The counters in this instance's memory: lost on restart, like everything the memory store keeps. */
final class InMemoryInsightStore implements InsightStore {

  private final Clock clock;
  private final Duration retention;
  private final ConcurrentMap<LocalDate, ConcurrentMap<String, LongAdder>> days = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, Mark> marks = new ConcurrentHashMap<>();
  private final String salt;

  private record Mark(String contact, Instant until) {}

  InMemoryInsightStore(Clock clock, InsightProperties settings) {
    this.clock = clock;
    this.retention = settings.retention();
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    this.salt = HexFormat.of().formatHex(random);
  }

  @Override
  public void add(LocalDate day, Map<String, Long> increments) {
    if (!days.containsKey(day)) {
      forgetOld(day);
    }
    ConcurrentMap<String, LongAdder> counters = days.computeIfAbsent(day, d -> new ConcurrentHashMap<>());
    increments.forEach((name, by) -> counters.computeIfAbsent(name, n -> new LongAdder()).add(by));
  }

  @Override
  public Map<String, Long> day(LocalDate day) {
    Map<String, Long> counters = new TreeMap<>();
    days.getOrDefault(day, new ConcurrentHashMap<>()).forEach((name, count) -> counters.put(name, count.sum()));
    return counters;
  }

  @Override
  public boolean markRepeat(String mark, String contact, Duration window) {
    Instant now = clock.instant();
    Mark before = marks.put(mark, new Mark(contact, now.plus(window)));
    if (marks.size() > 1_000 && marks.size() % 1_000 == 0) {
      marks.values().removeIf(m -> m.until().isBefore(now));
    }
    return before != null && before.until().isAfter(now) && !before.contact().equals(contact);
  }

  @Override
  public String salt() {
    return salt;
  }

  /** A new day: the days past the retention period go (as Redis expires them). */
  private void forgetOld(LocalDate today) {
    LocalDate oldest = today.minusDays(retention.toDays());
    days.keySet().removeIf(d -> d.isBefore(oldest));
  }
}
