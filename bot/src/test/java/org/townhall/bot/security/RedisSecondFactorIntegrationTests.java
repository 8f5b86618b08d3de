package org.townhall.bot.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.AuthenticatorApp;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/** Two-step sign-in with {@code townhall.store=redis}: the same, and the steps of one sign-in may reach any instance. */
class RedisSecondFactorIntegrationTests extends SecondFactorIntegrationContract {

  private static RedisServer redis;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    bot = BotInstance.start(settings("townhall.store=redis", "townhall.redis.url=" + redis.url()));
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

  @Override
  BotInstance bot() {
    return bot;
  }

  @Test
  void thePasswordOnOneInstanceAndTheCodeOnAnother() {
    try (BotInstance other = BotInstance.start(settings("townhall.store=redis", "townhall.redis.url=" + redis.url()))) {
      StaffClient admin = new StaffClient(bot.port());
      admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
      admin.postJson("/admin/staff", Map.of("username", "across", "password", "across-password-12", "roles",
          java.util.List.of("AGENT")));
      StaffClient member = new StaffClient(bot.port());
      member.signIn("across", "across-password-12");
      String secret = member.post("/me/second-factor/enrolment").json().path("secret").asText();
      assertThat(member.sameBrowserOn(other.port()).postJson("/me/second-factor",
          Map.of("code", AuthenticatorApp.code(secret))).status()).as("confirmed on the other instance").isEqualTo(200);
      member.signOut();

      StaffClient browser = new StaffClient(bot.port());
      browser.signIn("across", "across-password-12");
      StaffClient elsewhere = browser.sameBrowserOn(other.port());
      assertThat(elsewhere.enterCode(AuthenticatorApp.code(secret)).raw().headers().firstValue("Location"))
          .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
      assertThat(elsewhere.get("/me").json().path("username").asText()).isEqualTo("across");
    }
  }
}
