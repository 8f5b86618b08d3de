package org.townhall.bot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.townhall.bot.store.RedisAccess;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.Tuple;

/**
 * Search's index in Redis, written by {@link RedisConversationStore}'s commit in the same atomic step
 * as the conversation: {@code search} (ids by last change), {@code conv:<id>:words} and
 * {@code ref:<digits>}. A query reads ranges of {@code search} and asks each candidate's words set in
 * one pipelined round trip per batch: no query looks at every key ({@code KEYS}, {@code SCAN}).
 */
class RedisSearchIndex implements SearchIndex {

  private final RedisAccess redis;
  private final RedisConversationKeys keys;
  private final ConversationStore conversations;
  private final Clock clock;
  private final long retentionMillis;

  RedisSearchIndex(RedisAccess redis, ConversationStore conversations, Clock clock, Duration retention) {
    this.redis = redis;
    this.keys = new RedisConversationKeys(redis);
    this.conversations = conversations;
    this.clock = clock;
    this.retentionMillis = retention.toMillis();
  }

  @Override
  public List<SearchCursor> changedSince(Instant since, SearchCursor after, int limit) {
    // Entries past retention are trimmed by commits; without a commit lately, some may still be there.
    double min = Math.max(since.toEpochMilli(), clock.millis() - retentionMillis);
    double max = after == null ? Double.POSITIVE_INFINITY : after.changedAt();
    List<SearchCursor> found = new ArrayList<>(limit);
    int offset = 0;
    while (found.size() < limit) {
      int from = offset;
      List<Tuple> chunk = redis.call(r -> r.zrevrangeByScoreWithScores(keys.search(), max, min, from, limit));
      for (Tuple entry : chunk) {
        long changedAt = (long) entry.getScore();
        // Ties with the cursor's time come first (ids descending): skip those at or before it.
        if (found.size() < limit && (after == null || after.before(changedAt, entry.getElement()))) {
          found.add(new SearchCursor(changedAt, entry.getElement()));
        }
      }
      if (chunk.size() < limit) {
        break;
      }
      offset += chunk.size();
    }
    return found;
  }

  @Override
  public Set<String> withWords(List<String> ids, Set<String> words) {
    if (ids.isEmpty() || words.isEmpty()) {
      return new HashSet<>(ids);
    }
    String[] wanted = words.toArray(String[]::new);
    List<List<Boolean>> present = redis.call(r -> {
      try (AbstractPipeline pipeline = r.pipelined()) {
        List<Response<List<Boolean>>> answers = ids.stream().map(id -> pipeline.smismember(keys.words(id), wanted)).toList();
        pipeline.sync();
        return answers.stream().map(Response::get).toList();
      }
    });
    Set<String> found = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!present.get(i).contains(Boolean.FALSE)) {
        found.add(ids.get(i));
      }
    }
    return found;
  }

  @Override
  public List<String> startingWith(String idStart) {
    String key = keys.reference(idStart);
    List<String> ids = new ArrayList<>(redis.call(r -> r.smembers(key)));
    List<String> live = conversations.findAll(ids).stream()
        .sorted(Comparator.comparing(ConversationRecord::updatedAt).thenComparing(ConversationRecord::id).reversed())
        .map(ConversationRecord::id).toList();
    ids.removeAll(live);
    if (!ids.isEmpty()) {
      // Expired under retention: drop the dangling entries.
      redis.call(r -> r.srem(key, ids.toArray(String[]::new)));
    }
    return live;
  }
}
