package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.StoreJson;
import org.townhall.bot.store.StoreUnavailableException;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.RedisClient;

/** The store contract against a real redis-server started on a free loopback port. */
class RedisConversationStoreIntegrationTests extends ConversationStoreContract {

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;
  private RedisConversationStore store;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
    ObjectMapper json = StoreJson.mapper();
    var access = new RedisAccess(redis, json, "test:", Duration.ofSeconds(5), Duration.ofSeconds(5));
    store = new RedisConversationStore(access, Clock.fixed(T0, ZoneOffset.UTC), RETENTION, EMPTY_RETENTION);
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Override
  ConversationStore store() {
    return store;
  }

  /** Does what Redis does as time passes: deletes every key whose time to live runs out meanwhile. */
  @Override
  void letTimePass(Duration duration) {
    RedisServer.letTimePass(redis, "test:*", duration);
  }

  @Test
  void conversationKeysExpireAfterTheRetentionPeriod() {
    store.commit(fresh("r1"), 0, List.of(line(Sender.RESIDENT, "hello")));

    long ttl = redis.pttl("test:conv:r1");
    assertThat(ttl).isBetween(Duration.ofDays(89).toMillis(), Duration.ofDays(90).toMillis());
    assertThat(redis.pttl("test:conv:r1:log")).isPositive();
  }

  @Test
  void saysTheStoreIsUnavailableWhileRedisIsDownAndRecoversByItself() throws Exception {
    store.commit(fresh("r2"), 0, List.of());
    server.stop();
    try {
      assertThatThrownBy(() -> store.find("r2")).isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> store.commit(fresh("r3"), 0, List.of())).isInstanceOf(StoreUnavailableException.class);
    } finally {
      server.launch();
    }
    // The restarted server is empty (it keeps nothing on disk), and the same client works again.
    assertThat(store.find("r2")).isEmpty();
    assertThat(store.commit(fresh("r3"), 0, List.of())).isPresent();
  }
}
