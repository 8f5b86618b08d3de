package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * A council that publishes no transparency page and asks no satisfaction question: the page is not
 * there (the accessibility statement still is), and closing a conversation asks nothing; the bot
 * still says it is a program, in the council's own words.
 */
class TransparencySwitchedOffIntegrationTests {

  private static BotInstance bot;

  @BeforeAll
  static void start() {
    bot = BotInstance.start("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.transparency.transparency-page=false", "townhall.survey.enabled=false",
        "townhall.bot-notice.text=This is a computer, not a person. Privacy:",
        "townhall.bot-notice.privacy-notice-url=https://council.example.org/privacy");
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void theTransparencyPageIsNotThereAndTheStatementIs() {
    WebChatClient anyone = new WebChatClient(bot.port());
    var gone = anyone.send(anyone.request("/transparency").setHeader("Accept", "text/html").GET());
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.raw().body()).contains("Page not found");
    assertThat(anyone.send(anyone.request("/accessibility").setHeader("Accept", "text/html").GET()).status())
        .isEqualTo(200);
  }

  @Test
  void closingAsksNothingAndTheNoticeIsTheCouncils() {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    assertThat(resident.messages(0).json().path("messages").get(0).path("text").asText())
        .endsWith("\n\nThis is a computer, not a person. Privacy:\nhttps://council.example.org/privacy");
    resident.say("talk to a person");
    StaffClient staff = new StaffClient(bot.port());
    staff.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(staff.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(staff.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved"))
        .status()).isEqualTo(200);
    var lines = resident.messages(0).json().path("messages");
    assertThat(lines.get(lines.size() - 1).path("text").asText()).startsWith("This conversation has ended.");
    // "4" is then a new message for the bot, not a rating.
    resident.say("4");
    assertThat(resident.state()).isNotEqualTo("CLOSED");
    assertThat(staff.get("/admin/satisfaction").json().path("ratings").asInt()).isZero();
  }
}
