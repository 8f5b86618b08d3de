package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.townhall.bot.support.FreePort;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.WebChatClient;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * Redis going away: every API call answers 503 with a JSON error (never a 500 or a stack trace),
 * a write that fails changes nothing, readiness is DOWN meanwhile, and the bot recovers by itself
 * when Redis is back.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
@ExtendWith(OutputCaptureExtension.class)
class RedisOutageIntegrationTests {

  private static final String PASSWORD = "correct-horse-battery";

  private static RedisServer redis;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    // A short socket timeout, so that a paused Redis makes a write fail quickly.
    bot = BotInstance.start("townhall.store=redis", "townhall.redis.url=" + redis.url(),
        "townhall.redis.socket-timeout=1s", "townhall.redis.connect-timeout=1s",
        "townhall.security.admin-password=" + PASSWORD, "townhall.console.max-conversations-per-agent=50");
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @BeforeEach
  void redisIsUp() throws Exception {
    if (!redis.isRunning()) {
      redis.launch();
    }
  }

  @Test
  void whileRedisIsDownCallsAnswer503WithJsonAndWorkAgainOnceItIsBack(CapturedOutput output) throws Exception {
    WebChatClient resident = new WebChatClient(bot.port());
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("when is my bin collected").status()).isEqualTo(202);
    StaffClient staff = new StaffClient(bot.port());
    assertThat(staff.signIn("admin", PASSWORD).status()).isEqualTo(302);
    assertThat(staff.get("/queue").status()).isEqualTo(200);

    redis.stop();

    assertUnavailable(resident.say("outage-marker-7f3a how do I pay my council tax"));
    assertUnavailable(resident.say("outage-marker-7f3a again", "client-id-1"));
    assertUnavailable(resident.messages(0));
    assertUnavailable(new WebChatClient(bot.port()).start());
    assertUnavailable(staff.get("/queue"));
    assertUnavailable(staff.get("/conversations/" + resident.conversationId));
    assertUnavailable(staff.post("/conversations/" + resident.conversationId + "/claim"));
    assertThat(output).as("message text is never logged").doesNotContain("outage-marker-7f3a");

    redis.launch();

    // The same calls work again without restarting the bot; the restarted Redis is empty.
    assertThat(resident.say("when is my bin collected").status()).as("the old conversation is gone").isEqualTo(404);
    WebChatClient fresh = new WebChatClient(bot.port());
    assertThat(fresh.start().status()).isEqualTo(201);
    Reply answered = fresh.say("can I speak to a person");
    assertThat(answered.status()).isEqualTo(202);
    assertThat(answered.json().path("messages")).isNotEmpty();
    // Sign-ins are kept in Redis too, so the empty one has forgotten this one: sign in again.
    assertThat(staff.get("/queue").status()).isEqualTo(401);
    assertThat(staff.signIn("admin", PASSWORD).status()).isEqualTo(302);
    Reply queue = staff.get("/queue");
    assertThat(queue.status()).isEqualTo(200);
    assertThat(queue.json().findValuesAsText("conversationId")).containsExactly(fresh.conversationId);
    assertThat(staff.post("/conversations/" + fresh.conversationId + "/claim").status()).isEqualTo(200);
  }

  @Test
  void readinessAndHealthAreDownWhileRedisIsDownAndUpOnceItIsBack() throws Exception {
    Http probe = new Http(bot.port());
    assertHealth(probe, "/actuator/health/readiness", 200, "UP");
    assertHealth(probe, "/actuator/health", 200, "UP");

    redis.stop();

    assertHealth(probe, "/actuator/health/readiness", 503, "DOWN");
    assertHealth(probe, "/actuator/health", 503, "DOWN");
    // Alive all the same: restarting the bot would not bring Redis back.
    assertHealth(probe, "/actuator/health/liveness", 200, "UP");

    redis.launch();

    await().atMost(Duration.ofSeconds(20))
        .until(() -> probe.send(probe.request("/actuator/health/readiness").GET()).status() == 200);
    assertHealth(probe, "/actuator/health/readiness", 200, "UP");
    assertHealth(probe, "/actuator/health", 200, "UP");
  }

  private static void assertHealth(Http probe, String path, int status, String health) {
    Reply reply = probe.send(probe.request(path).GET());
    assertThat(reply.status()).as("%s: %s", path, reply.raw().body()).isEqualTo(status);
    assertThat(reply.json().path("status").asText()).as(path).isEqualTo(health);
  }

  @Test
  void aWriteThatFailsLeavesTheConversationExactlyAsItWas() throws Exception {
    WebChatClient resident = new WebChatClient(bot.port());
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
    StaffClient staff = new StaffClient(bot.port());
    assertThat(staff.signIn("admin", PASSWORD).status()).isEqualTo(302);
    String id = resident.conversationId;

    try (Jedis jedis = new Jedis("127.0.0.1", redis.port(), 10_000)) {
      Snapshot before = Snapshot.of(jedis, id);
      Set<String> conversationsBefore = jedis.keys("th:conv:*");
      // Reads go on; every write (the lock, the commit script) waits, longer than the bot's 1 s timeout,
      // until the test unpauses (or, at the latest, 30 s).
      jedis.sendCommand(Protocol.Command.CLIENT, "PAUSE", "30000", "WRITE");

      assertUnavailable(staff.post("/conversations/" + id + "/claim"));
      assertUnavailable(resident.say("please hurry"));
      assertUnavailable(new WebChatClient(bot.port()).start());

      jedis.sendCommand(Protocol.Command.CLIENT, "UNPAUSE");
      // Anything the bot had sent and given up on would have run by the time this write has.
      assertThat(jedis.set("test:after-pause", "1")).isEqualTo("OK");
      assertThat(Snapshot.of(jedis, id)).as("nothing of the failed writes was stored").isEqualTo(before);
      assertThat(jedis.exists("th:lock:" + id)).as("no lock left behind").isFalse();
      assertThat(jedis.keys("th:conv:*")).as("no conversation was started").isEqualTo(conversationsBefore);
    }

    // And the same calls now succeed.
    Reply claimed = staff.post("/conversations/" + id + "/claim");
    assertThat(claimed.status()).isEqualTo(200);
    assertThat(claimed.json().path("owner").asText()).isEqualTo("admin");
    assertThat(resident.say("please hurry").status()).isEqualTo(202);
    assertThat(resident.last("resident")).isEqualTo("please hurry");
  }

  @Test
  void whileRedisRefusesWritesAfterAFailoverCallsAnswer503AndNothingIsWritten() throws Exception {
    WebChatClient resident = new WebChatClient(bot.port());
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);
    StaffClient staff = new StaffClient(bot.port());
    assertThat(staff.signIn("admin", PASSWORD).status()).isEqualTo(302);
    String id = resident.conversationId;

    try (Jedis jedis = new Jedis("127.0.0.1", redis.port(), 10_000)) {
      Snapshot before = Snapshot.of(jedis, id);
      Set<String> conversationsBefore = jedis.keys("th:conv:*");
      // As when a managed Redis fails over and this node becomes a read-only replica: it keeps its data
      // and answers reads, but refuses every write with a READONLY error. (The primary named here does
      // not exist, so the node never syncs and never drops its data.)
      jedis.replicaof("127.0.0.1", FreePort.onLoopback());
      try {
        assertThat(resident.messages(0).status()).as("reads still work").isEqualTo(200);
        assertUnavailable(resident.say("please hurry"));
        assertUnavailable(staff.post("/conversations/" + id + "/claim"));
        assertUnavailable(new WebChatClient(bot.port()).start());
        assertThat(Snapshot.of(jedis, id)).isEqualTo(before);
        assertThat(jedis.keys("th:conv:*")).isEqualTo(conversationsBefore);
        assertThat(jedis.exists("th:lock:" + id)).isFalse();
      } finally {
        jedis.replicaofNoOne();
      }
    }

    assertThat(staff.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    assertThat(resident.say("please hurry").status()).isEqualTo(202);
  }

  private static void assertUnavailable(Reply reply) {
    assertThat(reply.status()).as("%s", reply.raw().body()).isEqualTo(503);
    assertThat(reply.raw().headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/json"));
    assertThat(reply.json().path("error").isTextual()).as("%s", reply.raw().body()).isTrue();
    assertThat(reply.raw().body()).doesNotContain("Exception", "trace", "at org.");
  }

  /** Everything Redis holds about one conversation. */
  private record Snapshot(Map<String, String> record, List<String> transcript, Double queueScore, Double idleScore) {
    static Snapshot of(Jedis jedis, String id) {
      return new Snapshot(jedis.hgetAll("th:conv:" + id), jedis.lrange("th:conv:" + id + ":log", 0, -1),
          jedis.zscore("th:handoff", id), jedis.zscore("th:idle", id));
    }
  }
}
