package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.StoreJson;
import org.townhall.bot.support.MutableClock;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisClient;

/** Search against a real redis-server: the index its commits keep, and what a query asks of Redis. */
class RedisConversationSearchIntegrationTests extends ConversationSearchContract {

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;
  private MutableClock clock;
  private RedisConversationStore store;
  private RedisSearchIndex index;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
    clock = new MutableClock(T0);
    var access = new RedisAccess(redis, StoreJson.mapper(), "test:", Duration.ofSeconds(5), Duration.ofSeconds(5));
    store = new RedisConversationStore(access, clock, RETENTION, EMPTY_RETENTION);
    index = new RedisSearchIndex(access, store, clock, RETENTION);
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Override
  ConversationStore store() {
    return store;
  }

  @Override
  SearchIndex index() {
    return index;
  }

  @Override
  MutableClock clock() {
    return clock;
  }

  /** Does what Redis does as time passes: deletes every key whose time to live runs out meanwhile. */
  @Override
  void letTimePass(Duration duration) {
    clock.advance(duration);
    RedisServer.letTimePass(redis, "test:*", duration);
  }

  @Test
  void aSearchReadsRangesAndSetsNeverEveryKey() {
    for (int i = 60; i < 80; i++) {
      started(id(i), line(Sender.RESIDENT, i % 2 == 0 ? "a blocked drain" : "a broken street light"));
    }
    redis.sendCommand(Protocol.Command.CONFIG, "RESETSTAT");

    ConversationSearch.Page page = search(5000).search(words("drain"), EVERYTHING, null, 5);
    search(5000).search(new SearchQuery(id(61).substring(0, 8), Set.of(), null, null, null, null), EVERYTHING, null, 5);

    assertThat(page.found()).hasSize(5);
    String stats = redis.info("commandstats");
    assertThat(stats).contains("cmdstat_zrevrangebyscore", "cmdstat_smismember", "cmdstat_smembers")
        .doesNotContain("cmdstat_keys", "cmdstat_scan");
  }

  @Test
  void theIndexKeysExpireWithTheConversationAndTheSortedSetIsTrimmedByTheNextCommit() {
    String id = "6b6b6b6b-0000-4000-8000-000000000001";
    started(id, line(Sender.RESIDENT, "hello"));
    long retention = RETENTION.toMillis();
    assertThat(redis.pttl("test:conv:" + id + ":words")).as("the conversation's own retention")
        .isBetween(retention - Duration.ofMinutes(1).toMillis(), retention);
    assertThat(redis.pttl("test:ref:6b6b6b6b")).isBetween(retention - Duration.ofMinutes(1).toMillis(), retention);
    assertThat(redis.zrange("test:search", 0, -1)).containsExactly(id);

    letTimePass(RETENTION.plusMinutes(1));
    started(id(90), line(Sender.RESIDENT, "later"));

    assertThat(redis.exists("test:conv:" + id + ":words")).isFalse();
    assertThat(redis.exists("test:ref:6b6b6b6b")).isFalse();
    assertThat(redis.zrange("test:search", 0, -1)).containsExactly(id(90));
  }

  @Test
  void aConversationTheResidentNeverWroteInIsNotIndexed() {
    started(id(91), line(Sender.BOT, "welcome"));

    assertThat(redis.exists("test:search")).isFalse();
    assertThat(redis.keys("test:ref:*")).isEmpty();
    assertThat(redis.keys("test:conv:*:words")).isEmpty();
    assertThat(List.of(store.find(id(91)).orElseThrow().id())).containsExactly(id(91));
  }
}
