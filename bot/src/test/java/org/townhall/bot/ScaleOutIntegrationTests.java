package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.WebChatClient;
import redis.clients.jedis.Jedis;

/**
 * Two bot instances on one Redis, as behind a load balancer without sticky sessions for residents:
 * one conversation's messages are processed one at a time whichever instance takes them, a
 * conversation is claimed by exactly one member of staff, a redelivered message is processed once, and
 * a staff sign-in (kept in Redis) holds on every instance until it ends on any of them.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ScaleOutIntegrationTests {

  private static final String PASSWORD = "correct-horse-battery";
  private static final int THREADS_PER_INSTANCE = 10;

  private static RedisServer redis;
  private static BotInstance alices;
  private static BotInstance bobs;
  private static ExecutorService pool;

  @BeforeAll
  static void startTwoInstancesOnOneRedis() {
    redis = RedisServer.start();
    // Each instance's first administrator is a different person.
    alices = instance("alice");
    bobs = instance("bob");
    pool = Executors.newFixedThreadPool(2 * THREADS_PER_INSTANCE);
  }

  private static BotInstance instance(String admin) {
    return BotInstance.start("townhall.store=redis", "townhall.redis.url=" + redis.url(),
        "townhall.security.admin-username=" + admin, "townhall.security.admin-password=" + PASSWORD,
        "townhall.console.max-conversations-per-agent=50");
  }

  @AfterAll
  static void stopAll() {
    if (pool != null) {
      pool.shutdownNow();
    }
    if (alices != null) {
      alices.close();
    }
    if (bobs != null) {
      bobs.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  @Test
  void concurrentMessagesThroughBothInstancesAreProcessedOneAtATimeInOneConsistentTranscript() throws Exception {
    WebChatClient onA = new WebChatClient(alices.port());
    assertThat(onA.start().status()).isEqualTo(201);
    WebChatClient onB = onA.via(bobs.port());
    int n = 2 * THREADS_PER_INSTANCE;

    CountDownLatch go = new CountDownLatch(1);
    List<Future<Reply>> sent = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      WebChatClient client = k % 2 == 0 ? onA : onB;
      String text = "how do I pay my council tax #" + k;
      String messageId = "scale-out-" + k;
      sent.add(pool.submit(() -> {
        go.await();
        return client.say(text, messageId);
      }));
    }
    go.countDown();
    Map<String, Reply> replies = new HashMap<>();
    for (int k = 0; k < n; k++) {
      Reply reply = sent.get(k).get(60, TimeUnit.SECONDS);
      assertThat(reply.status()).as("message #%d: %s", k, reply.json()).isEqualTo(202);
      assertThat(reply.json().path("messages")).as("the bot answered message #%d", k).isNotEmpty();
      replies.put("how do I pay my council tax #" + k, reply);
    }

    List<JsonNode> lines = list(onB.messages(0).json().path("messages"));
    // Seqs are 1..size, in order: nothing lost, nothing doubled, no gaps.
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i).path("seq").asLong()).isEqualTo(i + 1);
    }
    assertThat(lines.get(0).path("from").asText()).isEqualTo("bot");
    List<JsonNode> residentLines = lines.stream().filter(l -> l.path("from").asText().equals("resident")).toList();
    assertThat(residentLines).extracting(l -> l.path("text").asText())
        .containsExactlyInAnyOrderElementsOf(replies.keySet());
    // Each resident line is followed at once by exactly the replies its own request returned, and those
    // replies end where the next resident line starts: no message's processing interleaved with another's.
    int covered = 1;
    for (JsonNode resident : residentLines) {
      long seq = resident.path("seq").asLong();
      List<JsonNode> ownReplies = list(replies.get(resident.path("text").asText()).json().path("messages"));
      for (int r = 0; r < ownReplies.size(); r++) {
        JsonNode inTranscript = lines.get((int) seq + r);
        assertThat(inTranscript.path("seq").asLong()).isEqualTo(seq + 1 + r);
        assertThat(inTranscript.path("from").asText()).isEqualTo("bot");
        assertThat(inTranscript.path("text").asText()).isEqualTo(ownReplies.get(r).path("text").asText());
        assertThat(ownReplies.get(r).path("seq").asLong()).isEqualTo(seq + 1 + r);
      }
      covered += 1 + ownReplies.size();
    }
    assertThat(covered).as("every line is the welcome, a resident line or one of its replies").isEqualTo(lines.size());
    assertThat(onA.state()).isEqualTo("BOT");

    // The stored record agrees with the transcript: one version per commit (start + n messages).
    try (Jedis jedis = jedis()) {
      Map<String, String> record = jedis.hgetAll("th:conv:" + onA.conversationId);
      assertThat(record.get("v")).isEqualTo(Long.toString(1 + n));
      assertThat(jedis.llen("th:conv:" + onA.conversationId + ":log")).isEqualTo(lines.size());
      assertThat(record.get("json")).contains("\"lastSeq\":" + lines.size());
      assertThat(jedis.exists("th:lock:" + onA.conversationId)).as("the lock was released").isFalse();
    }
  }

  @Test
  void twoMembersOfStaffOnDifferentInstancesClaimingAtOnceOneWinsTheOtherGets409() throws Exception {
    StaffClient alice = new StaffClient(alices.port());
    StaffClient bob = new StaffClient(bobs.port());
    assertThat(alice.signIn("alice", PASSWORD).status()).isEqualTo(302);
    assertThat(bob.signIn("bob", PASSWORD).status()).isEqualTo(302);
    assertThat(alice.get("/me").json().path("username").asText()).isEqualTo("alice");

    for (int round = 0; round < 10; round++) {
      WebChatClient resident = new WebChatClient(round % 2 == 0 ? alices.port() : bobs.port());
      assertThat(resident.start().status()).isEqualTo(201);
      assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);
      assertThat(resident.state()).isEqualTo("AWAITING_AGENT");
      String claim = "/conversations/" + resident.conversationId + "/claim";

      CountDownLatch ready = new CountDownLatch(2);
      CountDownLatch go = new CountDownLatch(1);
      Callable<Reply> aliceClaims = () -> {
        ready.countDown();
        go.await();
        return alice.post(claim);
      };
      Callable<Reply> bobClaims = () -> {
        ready.countDown();
        go.await();
        return bob.post(claim);
      };
      Future<Reply> byAlice = pool.submit(aliceClaims);
      Future<Reply> byBob = pool.submit(bobClaims);
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      Reply a = byAlice.get(30, TimeUnit.SECONDS);
      Reply b = byBob.get(30, TimeUnit.SECONDS);

      assertThat(List.of(a.status(), b.status())).as("round %d: %s / %s", round, a.json(), b.json())
          .containsExactlyInAnyOrder(200, 409);
      Reply loser = a.status() == 409 ? a : b;
      assertThat(loser.json().path("error").isTextual()).isTrue();
      String winner = a.status() == 200 ? "alice" : "bob";

      JsonNode detail = alice.get("/conversations/" + resident.conversationId).json();
      assertThat(detail.path("state").asText()).isEqualTo("WITH_AGENT");
      assertThat(detail.path("owner").asText()).isEqualTo(winner);
      List<JsonNode> joined = list(detail.path("transcript")).stream()
          .filter(l -> l.path("text").asText().contains("joined")).toList();
      assertThat(joined).as("round %d", round).hasSize(1);
      assertThat(joined.get(0).path("text").asText()).startsWith(winner);
      assertThat(resident.via(bobs.port()).state()).isEqualTo("WITH_AGENT");
    }
  }

  @Test
  void aHandoffThroughOneInstanceIsPushedToAConsoleStreamingFromTheOther() throws Exception {
    StaffClient bob = new StaffClient(bobs.port());
    assertThat(bob.signIn("bob", PASSWORD).status()).isEqualTo(302);
    try (Http.EventStream queue = bob.events(bob.request("/api/console/queue/stream").GET())) {
      JsonNode first = queue.next(Duration.ofSeconds(10));
      assertThat(first).as("the stream starts with the current queue").isNotNull();
      assertThat(first.path("items").isArray()).isTrue();

      WebChatClient resident = new WebChatClient(alices.port());
      assertThat(resident.start().status()).isEqualTo(201);
      assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);

      JsonNode pushed = null;
      for (int i = 0; i < 10 && pushed == null; i++) {
        JsonNode event = queue.next(Duration.ofSeconds(10));
        assertThat(event).as("a queue event after the handoff").isNotNull();
        pushed = list(event.path("items")).stream()
            .filter(item -> item.path("conversationId").asText().equals(resident.conversationId))
            .findFirst().orElse(null);
      }
      assertThat(pushed).isNotNull();
      assertThat(pushed.path("state").asText()).isEqualTo("AWAITING_AGENT");
      assertThat(pushed.path("preview").asText()).isEqualTo("can I speak to a person");
      assertThat(pushed.path("channel").asText()).isEqualTo("webchat");
      assertThat(pushed.path("team").asText()).isNotBlank();
    }
  }

  @Test
  void aSignInOnOneInstanceHoldsOnTheOtherAndASignOutThereEndsItOnBoth() {
    StaffClient onA = new StaffClient(alices.port());
    // A protected page first, as a browser does: that makes a session before sign-in (to return to the page).
    assertThat(onA.send(onA.request("/console/").setHeader("Accept", "text/html").GET()).status()).isEqualTo(302);
    String beforeSignIn = onA.cookie("SESSION");
    assertThat(beforeSignIn).isNotEmpty();
    assertThat(onA.signIn("alice", PASSWORD).status()).isEqualTo(302);
    String signedIn = onA.cookie("SESSION");
    assertThat(signedIn).as("signing in gives the session a new id (session fixation)").isNotEqualTo(beforeSignIn);
    try (Jedis jedis = jedis()) {
      assertThat(jedis.exists("th:session:" + sessionId(beforeSignIn))).as("the old id is gone").isFalse();
      String key = "th:session:" + sessionId(signedIn);
      assertThat(jedis.exists(key)).isTrue();
      assertThat(jedis.pttl(key)).as("lives as long as the session timeout")
          .isBetween(Duration.ofMinutes(29).toMillis(), Duration.ofMinutes(30).toMillis());
    }

    StaffClient onB = onA.sameBrowserOn(bobs.port());
    Reply me = onB.get("/me");
    assertThat(me.status()).as("signed in on A, so signed in on B: %s", me.json()).isEqualTo(200);
    assertThat(me.json().path("username").asText()).isEqualTo("alice");
    assertThat(onB.get("/queue").status()).isEqualTo(200);

    assertThat(onB.signOut().raw().headers().firstValue("Location").orElse("")).endsWith("/console/login.html?signed-out");
    assertThat(onB.get("/me").status()).isEqualTo(401);
    assertThat(onA.cookie("SESSION")).as("A's browser still sends the cookie").isEqualTo(signedIn);
    assertThat(onA.get("/me").status()).as("signed out on B, so signed out on A").isEqualTo(401);
    try (Jedis jedis = jedis()) {
      assertThat(jedis.exists("th:session:" + sessionId(signedIn))).isFalse();
    }
  }

  /** Spring Session's cookie holds the id Base64-encoded. */
  private static String sessionId(String cookie) {
    return new String(java.util.Base64.getDecoder().decode(cookie), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void accountsAndTheKillSwitchAreSharedByEveryInstance() {
    StaffClient aliceOnA = new StaffClient(alices.port());
    assertThat(aliceOnA.signIn("alice", PASSWORD).status()).isEqualTo(302);
    assertThat(aliceOnA.postJson("/admin/staff", Map.of("username", "carol", "password", "carol-password-1",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    StaffClient carolOnB = new StaffClient(bobs.port());
    assertThat(carolOnB.signIn("carol", "carol-password-1").raw().headers().firstValue("Location").orElse(""))
        .as("an account made on one instance signs in on the other").endsWith("/console/");

    assertThat(aliceOnA.postJson("/admin/pause", Map.of("reason", "Checking answers")).status()).isEqualTo(200);
    try {
      WebChatClient onB = new WebChatClient(bobs.port());
      onB.start();
      assertThat(onB.say("how do I pay my council tax").status()).isEqualTo(202);
      assertThat(onB.state()).as("paused on A, so B sends residents to the queue").isEqualTo("AWAITING_AGENT");
      assertThat(carolOnB.get("/me").json().path("botPause").path("by").asText()).isEqualTo("alice");
    } finally {
      assertThat(aliceOnA.post("/admin/resume").status()).isEqualTo(200);
    }
    WebChatClient later = new WebChatClient(bobs.port());
    later.start();
    later.say("how do I pay my council tax");
    assertThat(later.state()).isEqualTo("BOT");
  }

  @Test
  void aMessageRedeliveredThroughTheOtherInstanceIsProcessedOnce() throws Exception {
    WebChatClient onA = new WebChatClient(alices.port());
    assertThat(onA.start().status()).isEqualTo(201);
    WebChatClient onB = onA.via(bobs.port());

    Reply first = onA.say("when is my bin collected", "retry-1");
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.json().path("messages")).isNotEmpty();
    Reply again = onB.say("when is my bin collected", "retry-1");
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.json().path("messages")).as("a redelivery adds nothing").isEmpty();

    // The same retry arriving at both instances at the same moment, several times over.
    List<String> expected = new ArrayList<>(List.of("when is my bin collected"));
    for (int round = 0; round < 10; round++) {
      String text = "how do I report a pothole #" + round;
      String messageId = "retry-at-once-" + round;
      CountDownLatch ready = new CountDownLatch(2);
      CountDownLatch go = new CountDownLatch(1);
      Future<Reply> viaA = pool.submit(() -> {
        ready.countDown();
        go.await();
        return onA.say(text, messageId);
      });
      Future<Reply> viaB = pool.submit(() -> {
        ready.countDown();
        go.await();
        return onB.say(text, messageId);
      });
      assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
      go.countDown();
      Reply a = viaA.get(30, TimeUnit.SECONDS);
      Reply b = viaB.get(30, TimeUnit.SECONDS);
      assertThat(List.of(a.status(), b.status())).as("round %d", round).containsExactly(202, 202);
      assertThat(List.of(a.json().path("messages").isEmpty(), b.json().path("messages").isEmpty()))
          .as("round %d: exactly one of the two processed it", round).containsExactlyInAnyOrder(true, false);
      expected.add(text);
    }

    List<JsonNode> residentLines = list(onA.messages(0).json().path("messages")).stream()
        .filter(l -> l.path("from").asText().equals("resident")).toList();
    assertThat(residentLines).extracting(l -> l.path("text").asText()).containsExactlyElementsOf(expected);
  }

  private static Jedis jedis() {
    return new Jedis("127.0.0.1", redis.port());
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }
}
