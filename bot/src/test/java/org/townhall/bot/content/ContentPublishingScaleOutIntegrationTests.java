package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Two instances on one Redis: an editor publishes on one while residents' messages are classified on
 * both, no message fails, and afterwards both give the new answer; an instance started later serves
 * the published version, not the shipped one.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ContentPublishingScaleOutIntegrationTests {

  private static final String NEW_ANSWER = "Potholes are now reported on the council's new roads form.";

  private static RedisServer redis;
  private static BotInstance first;
  private static BotInstance second;

  @BeforeAll
  static void startTwoInstancesOnOneRedis() {
    redis = RedisServer.start();
    first = instance();
    second = instance();
  }

  private static BotInstance instance() {
    return BotInstance.start("townhall.store=redis", "townhall.redis.url=" + redis.url(),
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, "townhall.content.follow-every=200ms",
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00", TownhallTest.ALWAYS_OPEN_DAYS);
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable c : new AutoCloseable[] {first, second, redis}) {
      if (c != null) {
        try {
          c.close();
        } catch (Exception ignored) {
          // closing the rest matters more
        }
      }
    }
  }

  /** What the bot answers a pothole report on this instance (every bot line of a fresh conversation). */
  private static String potholeAnswerOn(BotInstance instance) {
    WebChatClient resident = new WebChatClient(instance.port());
    assertThat(resident.start().status()).isEqualTo(201);
    var reply = resident.say("there's a massive pothole on my road");
    assertThat(reply.status()).as("a resident's message while content changes: " + reply.json()).isEqualTo(202);
    StringBuilder text = new StringBuilder();
    for (JsonNode line : reply.json().path("messages")) {
      text.append(line.path("text").asText()).append('\n');
    }
    return text.toString();
  }

  @Test
  void publishingOnOneInstanceReachesBothWithoutAFailedMessage() throws Exception {
    StaffClient admin = new StaffClient(first.port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    ContentEditor editor = new ContentEditor(admin);
    assertThat(potholeAnswerOn(second)).contains("You can report a pothole");

    AtomicBoolean publishing = new AtomicBoolean(true);
    ExecutorService residents = Executors.newFixedThreadPool(4);
    List<Future<Integer>> answered = new ArrayList<>();
    for (BotInstance instance : List.of(first, second, first, second)) {
      answered.add(residents.submit(() -> {
        int count = 0;
        while (publishing.get()) {
          potholeAnswerOn(instance);
          count++;
        }
        return count;
      }));
    }

    assertThat(editor.put(ContentEditor.POTHOLE, editor.potholeAnswerSaying(NEW_ANSWER)).status()).isEqualTo(200);
    Instant published = Instant.now();
    assertThat(editor.publish("New roads form").status()).isEqualTo(202);
    editor.awaitPublished(1);
    Duration onFirst = Duration.between(published, Instant.now());
    await("the second instance serves version 1").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
        .until(() -> potholeAnswerOn(second).contains(NEW_ANSWER));
    Duration onBoth = Duration.between(published, Instant.now());
    publishing.set(false);
    residents.shutdown();
    int messages = 0;
    for (Future<Integer> resident : answered) {
      messages += resident.get(60, TimeUnit.SECONDS); // a failed message would have thrown here
    }
    assertThat(messages).as("residents wrote while it was published").isPositive();
    assertThat(potholeAnswerOn(first)).contains(NEW_ANSWER);
    System.out.printf("content publish: live on the publishing instance after %d ms, on both after %d ms;"
        + " %d residents' messages answered meanwhile, none failed%n", onFirst.toMillis(), onBoth.toMillis(), messages);

    try (BotInstance third = instance()) {
      assertThat(potholeAnswerOn(third)).as("a restarted instance serves the published version").contains(NEW_ANSWER);
    }
  }
}
