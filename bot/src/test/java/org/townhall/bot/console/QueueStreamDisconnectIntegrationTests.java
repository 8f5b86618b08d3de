package org.townhall.bot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * A console closing its live queue (a tab closed, a laptop lid shut) is normal: the stream is
 * dropped without an error in the log, and the consoles still open keep getting the queue.
 */
@TownhallTest
@ExtendWith(OutputCaptureExtension.class)
class QueueStreamDisconnectIntegrationTests {

  private static final int LEAVING = 5;

  @LocalServerPort
  int port;

  @Autowired
  QueueFeed feed;

  /** A resident asks for a person: the queue changes, so every open stream is written to. */
  private void changeTheQueue() {
    WebChatClient resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    assertThat(resident.say("can I speak to a person").status()).isEqualTo(202);
  }

  /** Changes the queue until only {@code expected} streams are left open (a closed one is seen on writing). */
  private void changeTheQueueUntilOpen(int expected) {
    await("closed streams dropped").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1500))
        .until(() -> {
          changeTheQueue();
          return feed.openStreams() == expected;
        });
  }

  @Test
  void aConsoleHangingUpIsDroppedQuietly(CapturedOutput output) throws Exception {
    StaffClient staff = new StaffClient(port);
    assertThat(staff.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    // Streams of consoles from earlier tests (browsers since closed) are dropped first, so they are not counted.
    changeTheQueueUntilOpen(0);
    try (Http.EventStream staying = staff.events(staff.request("/api/console/queue/stream").GET())) {
      assertThat(staying.next(Duration.ofSeconds(10))).isNotNull();
      for (int i = 0; i < LEAVING; i++) {
        Http.EventStream leaving = staff.events(staff.request("/api/console/queue/stream").GET());
        assertThat(leaving.next(Duration.ofSeconds(10))).as("the stream starts with the queue").isNotNull();
        leaving.close();
      }
      changeTheQueueUntilOpen(1);
      int events = 0;
      while (staying.next(Duration.ofMillis(200)) != null) {
        events++;
      }
      assertThat(events).as("the console still open got the changes").isPositive();
    }
    changeTheQueueUntilOpen(0);
    // The container ends the broken requests around the failed writes: for a while, nothing is logged.
    await("no error while the container ends the broken requests")
        .during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
        .until(() -> !output.getAll().contains(" ERROR ") && !output.getAll().contains("AsyncContext"));
    assertThat(output.getAll()).doesNotContain(" ERROR ").doesNotContain("AsyncContext");
  }
}
