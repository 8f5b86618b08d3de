package org.townhall.bot.insight;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.insight.InsightReport.Count;
import org.townhall.bot.insight.InsightReport.Day;
import org.townhall.bot.insight.InsightReport.Helped;
import org.townhall.bot.insight.InsightReport.StaffLoad;
import org.townhall.bot.insight.InsightReport.TeamLoad;
import org.townhall.bot.insight.InsightReport.Times;
import org.townhall.bot.insight.InsightReport.Topic;
import org.townhall.bot.insight.InsightReport.Totals;

/**
 * The managers' figures for a period, read from the per-day counters (never from transcripts):
 * the period's days added up, filtered by channel and team, beside the previous period of equal
 * length for trending topics.
 */
@Service
public class Insight {

  /** The channels counted by name; anything else counts as {@code other}. */
  public static final List<String> CHANNELS = List.of("webchat", "telegram", "other");
  static final int TOP_TOPICS = 20;
  private static final Map<String, String> REASONS = linked(
      "asked_for_person", "Asked for a person",
      "not_understood", "Not understood twice",
      "not_helped", "Said an answer did not help, then asked for a person",
      "urgent", "Urgent topic",
      "safeguarding", "Safeguarding concern",
      "bot_paused", "Bot paused (kill switch)",
      "taken_over", "Taken over by a supervisor",
      "transferred", "Transferred",
      "other", "Other");
  private static final Map<String, String> MEASURES = linked(
      Figures.FIRST_RESPONSE, "First response (queue to staff's first reply)",
      Figures.QUEUE_WAIT, "Queue wait (queue to a person taking it)",
      Figures.HANDLING, "Handling time (taken to closed)");
  /** What the issue asks for that is not counted here, said to whoever reads the figures. */
  static final List<String> NOT_RECORDED = List.of(
      "Satisfaction after a person closes a conversation (1–5): not asked yet.",
      "Kill-switch escalations count residents who wrote while the bot was paused; conversations already "
          + "with the bot when it was paused are not counted separately.",
      "Repeat contact on web chat is seen only within the same chat (a new chat has a new identity); "
          + "on Telegram it follows the chat.",
      "Abandonment counts residents who went back to the bot or stopped while waiting; one who closed the "
          + "page while waiting stays in the queue until staff close it, which is not counted as abandoned.");

  private final InsightStore store;
  private final AnswerCatalog catalog;
  private final InsightProperties settings;

  Insight(InsightStore store, AnswerCatalog catalog, InsightProperties settings) {
    this.store = store;
    this.catalog = catalog;
    this.settings = settings;
  }

  /** The longest period, in days, that can be asked for. */
  public int maxPeriodDays() {
    return settings.maxPeriodDays();
  }

  /**
   * The figures from {@code from} to {@code to} (both included, council days), for one channel and
   * one team (null: all).
   *
   * @throws IllegalArgumentException for a period that ends before it starts or is too long
   */
  public InsightReport report(LocalDate from, LocalDate to, String channel, String team) {
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days < 1) {
      throw new IllegalArgumentException("The period ends before it starts: 'to' must be on or after 'from'.");
    }
    if (days > settings.maxPeriodDays()) {
      throw new IllegalArgumentException("The period is too long: at most " + settings.maxPeriodDays() + " days.");
    }
    LocalDate previousTo = from.minusDays(1);
    LocalDate previousFrom = from.minusDays(days);
    Sums now = sums(from, to, channel, team);
    Sums before = sums(previousFrom, previousTo, channel, team);

    long contacts = now.total(Figures.CONTACTS);
    long messages = now.total(Figures.MESSAGES);
    long closed = now.total(Figures.CLOSED);
    long contained = now.total(Figures.CONTAINED);
    long handedOff = now.total(Figures.HANDOFF);
    long clarified = now.total(Figures.CLARIFIED);
    long notUnderstood = now.total(Figures.NOT_UNDERSTOOD);
    long abandoned = now.total(Figures.ABANDONED);
    long repeats = now.total(Figures.REPEAT);
    Totals totals = new Totals(contacts, messages, closed, contained, rate(contained, closed), handedOff,
        rate(handedOff, contacts), clarified, rate(clarified, messages), notUnderstood, rate(notUnderstood, messages),
        abandoned, rate(abandoned, handedOff), repeats, rate(repeats, now.total(Figures.TOPIC)));

    List<Count> escalations = new ArrayList<>();
    Map<String, Long> byReason = now.byDetail(Figures.HANDOFF);
    REASONS.forEach((reason, label) -> {
      if (byReason.containsKey(reason)) {
        escalations.add(new Count(reason, label, byReason.get(reason)));
      }
    });
    byReason.forEach((reason, count) -> {
      if (!REASONS.containsKey(reason)) {
        escalations.add(new Count(reason, reason, count));
      }
    });

    Map<String, long[]> helpedByTopic = new TreeMap<>();
    now.byDetail(Figures.HELPED).forEach((detail, count) -> {
      int colon = detail.lastIndexOf(':');
      if (colon > 0) {
        long[] yesNo = helpedByTopic.computeIfAbsent(detail.substring(0, colon), t -> new long[2]);
        yesNo[detail.endsWith(":yes") ? 0 : 1] += count;
      }
    });
    List<Helped> helped = helpedByTopic.entrySet().stream()
        .map(e -> new Helped(e.getKey(), catalog.title(e.getKey()), e.getValue()[0], e.getValue()[1]))
        .sorted(Comparator.comparingLong((Helped h) -> h.yes() + h.no()).reversed().thenComparing(Helped::topic))
        .toList();

    List<Times> times = new ArrayList<>();
    MEASURES.forEach((measure, label) -> {
      long[] buckets = new long[DurationBuckets.UPPER.size() + 1];
      now.byDetail(measure).forEach((bucket, count) -> {
        int i = Integer.parseInt(bucket);
        if (i >= 0 && i < buckets.length) {
          buckets[i] += count;
        }
      });
      long count = java.util.Arrays.stream(buckets).sum();
      times.add(new Times(measure, label, count, DurationBuckets.percentile(buckets, 0.5),
          DurationBuckets.percentile(buckets, 0.9)));
    });

    List<Count> wrapUps = now.byDetail(Figures.WRAP_UP).entrySet().stream()
        .map(e -> new Count(e.getKey(), e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::key)).toList();

    TreeSet<String> teamNames = new TreeSet<>(now.teams.keySet());
    List<TeamLoad> teams = teamNames.stream().map(t -> {
      Sums one = now.teams.get(t);
      return new TeamLoad(t, one.total(Figures.CONTACTS), one.total(Figures.HANDOFF), one.total(Figures.TAKEN_BY),
          one.total(Figures.CLOSED_BY));
    }).filter(t -> t.contacts() + t.handedOff() + t.taken() + t.closed() > 0).toList();

    Map<String, Long> taken = now.byDetail(Figures.TAKEN_BY);
    Map<String, Long> closedBy = now.byDetail(Figures.CLOSED_BY);
    TreeSet<String> staffNames = new TreeSet<>(taken.keySet());
    staffNames.addAll(closedBy.keySet());
    List<StaffLoad> staff = staffNames.stream()
        .map(s -> new StaffLoad(s, taken.getOrDefault(s, 0L), closedBy.getOrDefault(s, 0L)))
        .sorted(Comparator.comparingLong(StaffLoad::taken).reversed().thenComparing(StaffLoad::username)).toList();

    Map<String, Long> topicsNow = now.byDetail(Figures.TOPIC);
    Map<String, Long> topicsBefore = before.byDetail(Figures.TOPIC);
    Map<String, Long> repeatsNow = now.byDetail(Figures.REPEAT);
    TreeSet<String> allTopics = new TreeSet<>(topicsNow.keySet());
    allTopics.addAll(topicsBefore.keySet());
    List<Topic> everyTopic = allTopics.stream().map(t -> {
      long count = topicsNow.getOrDefault(t, 0L);
      long previous = topicsBefore.getOrDefault(t, 0L);
      return new Topic(t, catalog.title(t), count, previous, count - previous, repeatsNow.getOrDefault(t, 0L));
    }).toList();
    List<Topic> top = everyTopic.stream().filter(t -> t.count() > 0)
        .sorted(Comparator.comparingLong(Topic::count).reversed().thenComparing(Topic::topic))
        .limit(TOP_TOPICS).toList();
    List<Topic> trending = everyTopic.stream().filter(t -> t.change() > 0)
        .sorted(Comparator.comparingLong(Topic::change).reversed().thenComparing(Topic::topic))
        .limit(TOP_TOPICS).toList();

    List<Day> daily = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      Sums one = now.days.getOrDefault(d, new Sums());
      daily.add(new Day(d, one.total(Figures.CONTACTS), one.total(Figures.CONTAINED), one.total(Figures.HANDOFF)));
    }
    return new InsightReport(from, to, channel, team, previousFrom, previousTo, totals, escalations, helped, times,
        wrapUps, teams, staff, top, trending, daily, NOT_RECORDED);
  }

  /** The counters of a period, added up: by figure and detail, and the same per team and per day. */
  private Sums sums(LocalDate from, LocalDate to, String channel, String team) {
    Sums all = new Sums();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      LocalDate day = d;
      store.day(d).forEach((name, count) -> {
        String[] parts = Tally.parse(name);
        if (parts == null || (channel != null && !channel.equals(parts[1]))) {
          return;
        }
        // The per-team table shows every team, whichever is chosen; everything else only the chosen one.
        all.teams.computeIfAbsent(parts[2], t -> new Sums()).add(parts[0], parts[3], count);
        if (team != null && !team.equals(parts[2])) {
          return;
        }
        all.add(parts[0], parts[3], count);
        all.days.computeIfAbsent(day, x -> new Sums()).add(parts[0], parts[3], count);
      });
    }
    return all;
  }

  private static Double rate(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  private static Map<String, String> linked(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  /** Counts by figure, then detail. */
  private static final class Sums {
    final Map<String, Map<String, Long>> counts = new HashMap<>();
    final Map<String, Sums> teams = new HashMap<>();
    final Map<LocalDate, Sums> days = new HashMap<>();

    void add(String figure, String detail, long count) {
      counts.computeIfAbsent(figure, f -> new HashMap<>()).merge(detail, count, Long::sum);
    }

    long total(String figure) {
      return counts.getOrDefault(figure, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }

    Map<String, Long> byDetail(String figure) {
      return new TreeMap<>(counts.getOrDefault(figure, Map.of()));
    }
  }
}
