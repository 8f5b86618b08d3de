package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.RedisServer;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.WebChatClient;

/** The limits with {@code townhall.store=redis}: the same behaviour, and every instance shares the buckets. */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class RedisLimitsIntegrationTests extends LimitsIntegrationContract {

  private static RedisServer redis;
  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    redis = RedisServer.start();
    telegram = FakeTelegramApi.start();
    bot = BotInstance.start(settings(telegram, "townhall.store=redis", "townhall.redis.url=" + redis.url())
        .toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
    if (redis != null) {
      redis.close();
    }
  }

  @Override
  BotInstance bot() {
    return bot;
  }

  @Override
  FakeTelegramApi telegram() {
    return telegram;
  }

  @Test
  void twoInstancesOnOneRedisShareTheBuckets() {
    // A second instance behind the same proxy, without Telegram (one poller per token).
    try (BotInstance other = BotInstance.start(settings(null, "townhall.store=redis",
        "townhall.redis.url=" + redis.url()).toArray(String[]::new))) {
      String address = newAddress();
      assertThat(residentAt(address).start().status()).isEqualTo(201);
      assertThat(residentAt(address, other).start().status()).isEqualTo(201);
      assertThat(residentAt(address).start().status()).isEqualTo(201);
      assertThat(residentAt(address, other).start().status()).as("the fourth start, on either instance")
          .isEqualTo(429);

      WebChatClient resident = residentAt(newAddress());
      resident.start();
      assertThat(resident.say("hello").status()).isEqualTo(202);
      assertThat(resident.via(other.port()).say("thanks").status()).isEqualTo(202);
      assertThat(resident.say("council tax").status()).as("the conversation's third message at once").isEqualTo(429);

      String staffAddress = newAddress();
      String name = "mallory-" + staffAddress;
      staffAt(staffAddress).signIn(name, "guess 1");
      staffAt(staffAddress, other).signIn(name, "guess 2");
      staffAt(staffAddress).signIn(name, "guess 3");
      assertThat(staffAt(staffAddress, other).signIn(name, "guess 4").status()).isEqualTo(429);
    }
  }

  private static WebChatClient residentAt(String address, BotInstance instance) {
    WebChatClient resident = new WebChatClient(instance.port());
    resident.forwardedFor(address);
    return resident;
  }

  private static StaffClient staffAt(String address, BotInstance instance) {
    StaffClient staff = new StaffClient(instance.port());
    staff.forwardedFor(address);
    return staff;
  }
}
