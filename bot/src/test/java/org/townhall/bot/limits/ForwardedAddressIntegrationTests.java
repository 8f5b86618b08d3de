package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.WebChatClient;

/**
 * Without the production profile (the embedded default) nothing is trusted to forward addresses: a
 * resident who sends X-Forwarded-For themselves is still limited by their own address.
 */
class ForwardedAddressIntegrationTests {

  private static BotInstance bot;

  @BeforeAll
  static void start() {
    bot = BotInstance.start("townhall.limits.conversation-starts.count=2");
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @Test
  void aForgedForwardedAddressDoesNotGetABucketOfItsOwn() {
    for (int i = 1; i <= 2; i++) {
      WebChatClient resident = new WebChatClient(bot.port());
      resident.forwardedFor("198.51.100." + i);
      assertThat(resident.start().status()).as("start %d", i).isEqualTo(201);
    }
    WebChatClient forging = new WebChatClient(bot.port());
    forging.forwardedFor("198.51.100.3");

    assertThat(forging.start().status()).isEqualTo(429);
  }
}
