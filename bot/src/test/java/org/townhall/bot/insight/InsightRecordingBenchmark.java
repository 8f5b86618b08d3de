package org.townhall.bot.insight;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.InboundMessage;
import org.townhall.bot.conversation.ResidentMessages;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.StoreJson;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.TownhallTest;

/**
 * What counting for insight costs per resident message: the whole step through
 * {@link ResidentMessages} on the in-memory store (run once with {@code -Dinsight.bench.enabled=false}
 * for "before" and once without for "after"), and the recorder alone on the changes those steps
 * published, replayed into the in-memory store and into a real redis-server. A benchmark, not a
 * test: it prints numbers and asserts nothing. Commands and results: docs/insight.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00",
    "townhall.handoff.closes=00:00", "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
    "townhall.insight.enabled=${insight.bench.enabled:true}"})
@Import(InsightRecordingBenchmark.Captured.class)
class InsightRecordingBenchmark {

  private static final int WARM_UP = 3_000;
  private static final int MEASURED = 5_000;
  private static final String[] SAYS = {"how do I pay my council tax", "yes", "when is my bin collected", "CF10 1EP",
      "no", "report a pothole"};

  @Autowired
  ResidentMessages residents;

  @Autowired
  Captured captured;

  @Autowired
  AnswerCatalog catalog;

  @Autowired
  OfficeHours hours;

  @Autowired
  InsightProperties settings;

  @Test
  void printWhatCountingCosts() {
    String[] id = new String[1];
    // A fresh conversation every 12 messages: real conversations are short.
    report("whole step, insight " + (settings.enabled() ? "ON" : "OFF") + ", in-memory store", i -> {
      if (i % 12 == 0) {
        id[0] = residents.start("webchat", null, "hash").id();
      }
      residents.receive(new InboundMessage(id[0], "b" + i, SAYS[i % SAYS.length]));
    });
    List<ConversationUpdated> updates = captured.updates.stream()
        .filter(u -> u.appended().stream().anyMatch(e -> e.fromResident())).toList();
    InsightProperties on = new InsightProperties(true, settings.retention(), settings.repeatWindow(),
        settings.maxPeriodDays());
    InsightRecorder inMemory = new InsightRecorder(new InMemoryInsightStore(java.time.Clock.systemUTC(), on), catalog,
        hours, on);
    report("recorder alone per resident message, in-memory store", i -> inMemory.on(updates.get(i % updates.size())));
    try (RedisServer server = RedisServer.start()) {
      var client = server.emptiedClient();
      var access = new RedisAccess(client, StoreJson.mapper(), "bench:", Duration.ofSeconds(5), Duration.ofSeconds(5));
      InsightRecorder redis = new InsightRecorder(new RedisInsightStore(access, on), catalog, hours, on);
      report("recorder alone per resident message, Redis store (loopback)",
          i -> redis.on(updates.get(i % updates.size())));
      String day = client.keys("bench:insight:day:*").iterator().next();
      String mark = client.keys("bench:insight:mark:*").iterator().next();
      System.out.printf("BENCHMARK Redis after %d changes: the day's hash %s has %d fields in %d bytes; "
          + "%d marks, one in %d bytes%n", WARM_UP + MEASURED, day, client.hlen(day), client.memoryUsage(day),
          client.keys("bench:insight:mark:*").size(), client.memoryUsage(mark));
      // A council's busy day, by the counters' shapes: 2 channels, 12 teams, 100 topics, 40 staff.
      RedisInsightStore store = new RedisInsightStore(access, on);
      java.time.LocalDate busy = java.time.LocalDate.parse("2026-01-05");
      java.util.Map<String, Long> fields = new java.util.HashMap<>();
      for (String channel : List.of("webchat", "telegram")) {
        for (int t = 0; t < 12; t++) {
          Tally team = new Tally(channel, "team-" + t);
          for (String figure : List.of(Figures.CONTACTS, Figures.MESSAGES, Figures.CLOSED, Figures.CONTAINED,
              Figures.ABANDONED)) {
            team.add(figure, null);
          }
          for (String reason : List.of("asked_for_person", "not_understood", "not_helped", "urgent", "bot_paused")) {
            team.add(Figures.HANDOFF, reason);
          }
          for (int b = 0; b < 15; b++) {
            team.add(Figures.QUEUE_WAIT, Integer.toString(b)).add(Figures.FIRST_RESPONSE, Integer.toString(b))
                .add(Figures.HANDLING, Integer.toString(b + 5));
          }
          for (int w = 0; w < 6; w++) {
            team.add(Figures.WRAP_UP, "code-" + w);
          }
          for (int p = 0; p < 4; p++) {
            team.add(Figures.TAKEN_BY, "staff-" + t + "-" + p).add(Figures.CLOSED_BY, "staff-" + t + "-" + p);
          }
          fields.putAll(team.counts());
        }
        for (int i = 0; i < 100; i++) {
          Tally topic = new Tally(channel, "team-" + (i % 12)).add(Figures.TOPIC, "topic_number_" + i)
              .add(Figures.REPEAT, "topic_number_" + i).add(Figures.HELPED, "topic_number_" + i + ":yes")
              .add(Figures.HELPED, "topic_number_" + i + ":no");
          fields.putAll(topic.counts());
        }
      }
      store.add(busy, fields);
      String busyKey = "bench:insight:day:" + busy;
      System.out.printf("BENCHMARK a busy day's hash (every counter used): %d fields in %d bytes%n",
          client.hlen(busyKey), client.memoryUsage(busyKey));
      client.close();
    }
  }

  private static void report(String what, IntConsumer step) {
    for (int i = 0; i < WARM_UP; i++) {
      step.accept(i);
    }
    long[] micros = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      step.accept(WARM_UP + i);
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf("BENCHMARK %-70s p50 %6d us  p99 %6d us  max %7d us  (n=%d after %d warm-up)%n", what,
        micros[MEASURED / 2], micros[MEASURED * 99 / 100], micros[MEASURED - 1], MEASURED, WARM_UP);
  }

  /** Keeps the changes the whole steps published, to replay them through the recorder alone. */
  @TestConfiguration
  static class Captured {
    final List<ConversationUpdated> updates = java.util.Collections.synchronizedList(new ArrayList<>());

    @EventListener
    void on(ConversationUpdated update) {
      if (updates.size() < 20_000) {
        updates.add(update);
      }
    }
  }
}
