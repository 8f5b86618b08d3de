package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.RedisClient;

/** The limits on Bucket4j's Redis buckets, with Jedis 8's {@code RedisClient}, against a real redis-server. */
class RedisRateLimitsIntegrationTests extends RateLimitsContract {

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Override
  RateLimits limits() {
    return new RateLimits(new RedisBuckets(redis, LimitsConfiguration.time(clock)), "test:", SETTINGS);
  }

  @Test
  void twoInstancesTakeFromOneBucket() {
    RateLimits one = limits();
    RateLimits other = limits();

    assertThat(one.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).isTrue();
    assertThat(other.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).isTrue();
    assertThat(one.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).isTrue();

    assertThat(other.take(Limit.CONVERSATION_STARTS, "203.0.113.7").allowed()).isFalse();
  }

  @Test
  void theKeyNamesTheLimitAndAHashOfTheClientAndExpiresOnceRefilled() {
    limits().take(Limit.SIGN_INS_PER_ADDRESS, "203.0.113.7");

    assertThat(redis.keys("*")).containsExactly("test:limit:sign-in-address:" + Sha256.hex("203.0.113.7"));
    // One taken from 20 per 15 minutes is back after 45 s; Bucket4j keeps the key 10 s beyond that.
    long ttl = redis.pttl("test:limit:sign-in-address:" + Sha256.hex("203.0.113.7"));
    assertThat(ttl).isBetween(Duration.ofSeconds(50).toMillis(), Duration.ofSeconds(55).toMillis());
  }

  @Test
  void clientInputNeverBecomesPartOfAKeyAsIs() {
    limits().take(Limit.SIGN_INS_PER_USER, "ann:*\r\nFLUSHALL");

    assertThat(redis.keys("*")).singleElement().asString()
        .isEqualTo("test:limit:sign-in-user:" + Sha256.hex("ann:*\r\nFLUSHALL"));
  }
}
