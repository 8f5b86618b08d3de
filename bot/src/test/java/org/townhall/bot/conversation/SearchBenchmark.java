package org.townhall.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.StoreJson;
import org.townhall.bot.support.MutableClock;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.RedisClient;

/**
 * What staff's search costs over a full index: 5,000 conversations with a few lines each, on each
 * store, searched for a word none holds (it looks at the scan limit's 5,000), a word the newest hold
 * (one page of 20), and a reference. A benchmark, not a test: it prints numbers and asserts nothing.
 * Run with {@code ./mvnw -B -ntp -pl bot -am verify -Pbenchmarks -Dtest=SearchBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results are in docs/search.md.
 */
@Tag("benchmark")
class SearchBenchmark {

  private static final int CONVERSATIONS = 5_000;
  private static final int MEASURED = 30;
  private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
  private static final Duration RETENTION = Duration.ofDays(90);
  private static final List<String> WORDS = List.of("bin", "missed", "council", "tax", "bill", "pothole", "road",
      "parking", "permit", "housing", "repair", "damp", "noise", "neighbour", "library", "school", "transport",
      "blue", "badge", "garden", "waste", "recycling", "street", "light", "graffiti", "benefit", "payment");

  @Test
  void printWhatASearchCosts() {
    MutableClock clock = new MutableClock(T0);
    InMemoryConversationStore memory = new InMemoryConversationStore(clock, RETENTION, Duration.ofHours(1));
    fill(memory, clock);
    report("in memory", memory, memory);

    try (RedisServer server = RedisServer.start(); RedisClient redis = server.emptiedClient()) {
      MutableClock redisClock = new MutableClock(T0);
      RedisAccess access = new RedisAccess(redis, StoreJson.mapper(), "th:", Duration.ofSeconds(5),
          Duration.ofSeconds(5));
      RedisConversationStore store = new RedisConversationStore(access, redisClock, RETENTION, Duration.ofHours(1));
      fill(store, redisClock);
      report("redis", store, new RedisSearchIndex(access, store, redisClock, RETENTION));
      long words = 0;
      for (String key : redis.keys("th:conv:*:words")) {
        words += redis.memoryUsage(key);
      }
      System.out.printf("BENCHMARK redis index memory: words sets %d bytes per conversation, search sorted set %d "
          + "bytes, ref sets %d bytes in all (%d conversations)%n", words / CONVERSATIONS,
          redis.memoryUsage("th:search"), redis.keys("th:ref:*").stream().mapToLong(redis::memoryUsage).sum(),
          CONVERSATIONS);
    }
  }

  /** Conversations of a resident's two lines and a staff reply, one a minute. */
  private static void fill(ConversationStore store, MutableClock clock) {
    Random random = new Random(20261203);
    for (int i = 0; i < CONVERSATIONS; i++) {
      String id = String.format("%08x-0000-4000-8000-%012d", random.nextInt(), i);
      ConversationRecord record = ConversationRecord.start(id, "webchat", id, "hash", ConversationState.BOT,
          clock.instant());
      store.commit(HandlingHistory.carriedOver(null, record), 0, List.of(
          TranscriptEntry.draft(Sender.BOT, "Hello, I'm the council's assistant.", List.of(), clock.instant()),
          TranscriptEntry.draft(Sender.RESIDENT, sentence(random) + (i >= CONVERSATIONS - 40 ? " newest" : ""),
              List.of(), clock.instant()),
          TranscriptEntry.draft(Sender.RESIDENT, sentence(random), List.of(), clock.instant()),
          TranscriptEntry.draft(Sender.AGENT, sentence(random) + " " + sentence(random), List.of(), clock.instant())));
      clock.advance(Duration.ofMinutes(1));
    }
  }

  private static String sentence(Random random) {
    StringBuilder text = new StringBuilder("my");
    for (int w = 0; w < 8; w++) {
      text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
    }
    return text.toString();
  }

  private static void report(String store, ConversationStore conversations, SearchIndex index) {
    ConversationSearch search = new ConversationSearch(conversations, index, new SearchProperties(5_000));
    String reference = conversations.findAll(index.changedSince(Instant.EPOCH, null, 1).stream()
        .map(SearchCursor::conversationId).toList()).get(0).id().substring(0, 8);
    time(store, "a word no conversation holds (looks at all 5,000)",
        () -> search.search(query("zzzz", null), h -> true, null, 20));
    time(store, "a word the newest 40 hold (one page of 20)",
        () -> search.search(query("newest", null), h -> true, null, 20));
    time(store, "a reference", () -> search.search(query(null, reference), h -> true, null, 20));
  }

  private static SearchQuery query(String word, String idStart) {
    return new SearchQuery(idStart, word == null ? Set.of() : Set.of(word), null, null, null, null);
  }

  private static void time(String store, String what, Supplier<ConversationSearch.Page> search) {
    for (int i = 0; i < 5; i++) {
      search.get();
    }
    long[] millis = new long[MEASURED];
    int found = 0;
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      found = search.get().found().size();
      millis[i] = (System.nanoTime() - start) / 1_000_000;
    }
    Arrays.sort(millis);
    System.out.printf("BENCHMARK %-9s %-52s p50 %5d ms  max %5d ms  (%d found, n=%d)%n", store, what,
        millis[MEASURED / 2], millis[MEASURED - 1], found, MEASURED);
  }
}
