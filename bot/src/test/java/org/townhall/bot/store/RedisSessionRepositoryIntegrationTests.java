package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.core.userdetails.User;
import org.townhall.bot.store.RedisSessionRepository.StoredSession;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/** Staff sign-in sessions against a real redis-server started on a free loopback port. */
class RedisSessionRepositoryIntegrationTests {

  private static final Duration TIMEOUT = Duration.ofMinutes(30);

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;
  private RedisSessionRepository sessions;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
    sessions = new RedisSessionRepository(redis, "test:", TIMEOUT);
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Test
  void aSavedSessionIsFoundWithItsSecurityContextAndLivesAsLongAsTheTimeout() {
    StoredSession session = sessions.createSession();
    var user = User.withUsername("ann").password("x").roles("AGENT").build();
    session.setAttribute("SPRING_SECURITY_CONTEXT",
        new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities())));
    sessions.save(session);

    StoredSession found = sessions.findById(session.getId());
    assertThat(found).isNotNull();
    SecurityContextImpl context = found.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(context.getAuthentication().getName()).isEqualTo("ann");
    assertThat(context.getAuthentication().getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENT");
    assertThat(found.getMaxInactiveInterval()).isEqualTo(TIMEOUT);
    assertThat(redis.pttl("test:session:" + session.getId()))
        .isBetween(TIMEOUT.minusMinutes(1).toMillis(), TIMEOUT.toMillis());
  }

  @Test
  void eachSaveRenewsTheTimeToLive() {
    StoredSession session = sessions.createSession();
    session.setMaxInactiveInterval(Duration.ofSeconds(5));
    sessions.save(session);
    assertThat(redis.pttl("test:session:" + session.getId())).isBetween(1L, 5_000L);

    StoredSession found = sessions.findById(session.getId());
    found.setMaxInactiveInterval(TIMEOUT);
    found.setLastAccessedTime(Instant.now());
    sessions.save(found);
    assertThat(redis.pttl("test:session:" + session.getId())).isGreaterThan(5_000L);
  }

  @Test
  void changingTheIdMovesTheSessionAndTheOldIdFindsNothing() {
    StoredSession session = sessions.createSession();
    session.setAttribute("page", "/console/");
    sessions.save(session);
    String before = session.getId();

    StoredSession found = sessions.findById(before);
    String after = found.changeSessionId();
    sessions.save(found);

    assertThat(after).isNotEqualTo(before);
    assertThat(sessions.findById(before)).isNull();
    assertThat(redis.exists("test:session:" + before)).isFalse();
    assertThat(sessions.findById(after).<String>getAttribute("page")).isEqualTo("/console/");
  }

  @Test
  void aSessionDeletedElsewhereIsNotBroughtBackByARequestThatHadReadItBefore() {
    StoredSession session = sessions.createSession();
    sessions.save(session);
    StoredSession readByALongRequest = sessions.findById(session.getId());
    StoredSession readByAnotherRequest = sessions.findById(session.getId());

    sessions.deleteById(session.getId());
    sessions.save(readByALongRequest);
    readByAnotherRequest.changeSessionId();
    sessions.save(readByAnotherRequest);

    assertThat(sessions.findById(session.getId())).isNull();
    assertThat(sessions.findById(readByAnotherRequest.getId())).isNull();
    assertThat(redis.keys("test:session:*")).isEmpty();
  }

  @Test
  void savingTwiceInOneRequestKeepsOneSession() {
    StoredSession session = sessions.createSession();
    sessions.save(session);
    session.setAttribute("later", "yes");
    sessions.save(session);

    assertThat(sessions.findById(session.getId()).<String>getAttribute("later")).isEqualTo("yes");
    assertThat(redis.keys("test:session:*")).hasSize(1);
  }

  @Test
  void anUnreadableOrForeignValueIsNobodysSessionAndIsDropped() {
    String id = "0b0f8a4e-3c4e-4b8e-9a57-0d7c2c0b6a11";
    redis.set("test:session:" + id, "not a serialised session");
    assertThat(sessions.findById(id)).isNull();
    assertThat(redis.exists("test:session:" + id)).isFalse();

    // A serialised object of a class outside the JDK and Spring is refused before it is built.
    redis.set("test:session:" + id, java.util.Base64.getEncoder().encodeToString(serialised(new Foreign())));
    assertThat(sessions.findById(id)).isNull();
  }

  @Test
  void anIdThatIsNotOneOfOursIsNotLookedUp() {
    redis.set("test:session:*", "x");
    assertThat(sessions.findById("*")).isNull();
    assertThat(sessions.findById("a".repeat(65))).isNull();
    assertThat(sessions.findById(null)).isNull();
  }

  @Test
  void anUnreachableRedisIsStoreUnavailable() {
    try (RedisClient nowhere = RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1", 1))
        .clientConfig(DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).build()).build()) {
      RedisSessionRepository down = new RedisSessionRepository(nowhere, "test:", TIMEOUT);
      assertThatThrownBy(() -> down.findById("0b0f8a4e-3c4e-4b8e-9a57-0d7c2c0b6a11"))
          .isInstanceOf(StoreUnavailableException.class);
      assertThatThrownBy(() -> down.save(down.createSession())).isInstanceOf(StoreUnavailableException.class);
    }
  }

  @Test
  void inMemorySessionsForgetExpiredOnesAtTheSweep() {
    var memory = new StoreConfiguration.InMemorySessions(TIMEOUT);
    var stale = memory.createSession();
    stale.setLastAccessedTime(Instant.now().minus(TIMEOUT).minusSeconds(1));
    memory.save(stale);
    var fresh = memory.createSession();
    memory.save(fresh);

    assertThat(memory.size()).isEqualTo(2);

    memory.purgeExpired();

    assertThat(memory.size()).as("only the stale one went").isEqualTo(1);
    assertThat(memory.findById(fresh.getId())).isNotNull();
  }

  /** Stands for any class a session never holds. */
  static final class Foreign implements java.io.Serializable {}

  private static byte[] serialised(Object o) {
    var bytes = new java.io.ByteArrayOutputStream();
    try (var out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(o);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
