package org.townhall.bot.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.ChannelQueues;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The rate limits through the real HTTP API and the real TelegramBots client (against a fake Bot API),
 * on a bot in the production profile behind a reverse proxy on loopback (trusted by the profile's
 * default): every test is a resident or a member of staff at an address of its own, forwarded by the
 * proxy. Run on each store.
 */
abstract class LimitsIntegrationContract {

  static final Duration PATIENCE = Duration.ofSeconds(40);
  private static final AtomicInteger ADDRESSES = new AtomicInteger();
  private static final AtomicLong CHATS = new AtomicLong(770_000_000L);

  abstract BotInstance bot();

  abstract FakeTelegramApi telegram();

  /** The bot's settings on top of the store's: tight limits, the production profile, Telegram polling. */
  static List<String> settings(FakeTelegramApi telegram, String... more) {
    List<String> all = new ArrayList<>(List.of("spring.profiles.active=production",
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        // 3 starts a minute per address: one every 20 s.
        "townhall.limits.conversation-starts.count=3",
        // 2 messages at once per conversation, then one every 2 s.
        "townhall.limits.webchat-messages.count=1", "townhall.limits.webchat-messages.per=2s",
        "townhall.limits.webchat-messages.burst=2",
        "townhall.limits.telegram-messages.count=1", "townhall.limits.telegram-messages.per=1m",
        "townhall.limits.telegram-messages.burst=2",
        "townhall.limits.sign-ins-per-user.count=3", "townhall.limits.sign-ins-per-address.count=5"));
    if (telegram != null) {
      all.addAll(List.of("townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
          "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.poll-timeout=1s",
          "townhall.telegram.per-chat-interval=20ms", "townhall.telegram.retry-backoff=200ms"));
    }
    all.addAll(List.of(more));
    return all;
  }

  /** An address of a test's own (TEST-NET-3), as the proxy forwards it. */
  static String newAddress() {
    int n = ADDRESSES.incrementAndGet();
    return "203.0.113." + n;
  }

  WebChatClient residentAt(String address) {
    WebChatClient resident = new WebChatClient(bot().port());
    resident.forwardedFor(address);
    return resident;
  }

  StaffClient staffAt(String address) {
    StaffClient staff = new StaffClient(bot().port());
    staff.forwardedFor(address);
    return staff;
  }

  List<AuditEntry> auditOf(String actor) {
    return bot().bean(StaffStore.class).auditLog(1000).stream().filter(e -> actor.equals(e.actor())).toList();
  }

  @Test
  void startsOverTheLimitFromOneAddressGet429WithRetryAfterAndAnotherAddressHasItsOwnBucket() {
    String address = newAddress();
    for (int i = 0; i < 3; i++) {
      assertThat(residentAt(address).start().status()).as("start %d", i + 1).isEqualTo(201);
    }

    Reply refused = residentAt(address).start();

    assertThat(refused.status()).isEqualTo(429);
    // 3 a minute: the next start is at most 20 s away (less if the machine was slow between the starts).
    assertThat(refused.raw().headers().firstValue("Retry-After"))
        .hasValueSatisfying(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 20));
    assertThat(refused.json().path("error").asText()).startsWith("Too many new conversations from your network.");
    assertThat(residentAt(newAddress()).start().status()).as("another forwarded address").isEqualTo(201);
  }

  @Test
  void aMessageOverTheConversationsLimitIsRefusedUnreadAndAcceptedAfterRetryAfter() throws InterruptedException {
    String address = newAddress();
    WebChatClient resident = residentAt(address);
    resident.start();
    assertThat(resident.say("hello").status()).isEqualTo(202);
    assertThat(resident.say("thanks").status()).isEqualTo(202);

    Reply refused = resident.say("when is my bin collected");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("error").asText()).contains("this one was not read").contains("send it again");
    // One message every 2 s, less the time the first two took.
    long retryAfter = Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(1L, 2L);
    assertThat(resident.messages(0).json().findValuesAsText("text")).doesNotContain("when is my bin collected");
    WebChatClient sameAddressOtherConversation = residentAt(address);
    sameAddressOtherConversation.start();
    assertThat(sameAddressOtherConversation.say("hello").status()).as("its own conversation").isEqualTo(202);

    Thread.sleep(Duration.ofSeconds(retryAfter).toMillis());

    assertThat(resident.say("when is my bin collected").status()).isEqualTo(202);
    assertThat(resident.messages(0).json().findValuesAsText("text")).contains("when is my bin collected");
  }

  @Test
  void signInAttemptsOverTheLimitForAUserNameGet429AndAreAudited() {
    String address = newAddress();
    String name = "mallory-" + address;
    for (int i = 0; i < 3; i++) {
      Reply failed = staffAt(address).signIn(name, "wrong password " + i);
      assertThat(failed.raw().headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?error"));
    }

    Reply refused = staffAt(address).signIn(name, "another guess");

    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.json().path("error").asText()).isEqualTo("Too many sign-in attempts. Please wait a few "
        + "minutes, then try again.");
    // One attempt back every 5 minutes (3 per 15), less the time the three attempts took.
    assertThat(Long.parseLong(refused.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(280L, 300L);
    assertThat(auditOf(name)).extracting(AuditEntry::action)
        .containsExactly("sign-in-refused", "sign-in-failed", "sign-in-failed", "sign-in-failed");
    assertThat(auditOf(name).get(0).detail()).isEqualTo("too many attempts for this user name, from " + address);
    assertThat(auditOf(name).get(1).detail()).isEqualTo("wrong user name or password, from " + address);
    // Refused for that name, not for the address: a colleague there still signs in.
    assertThat(staffAt(address).signIn("admin", TownhallTest.ADMIN_PASSWORD).raw().headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
  }

  @Test
  void signInAttemptsOverTheLimitFromAnAddressGet429WhateverTheName() {
    String address = newAddress();
    for (int i = 0; i < 5; i++) {
      assertThat(staffAt(address).signIn("guess-" + i + "-" + address, "wrong").status()).isEqualTo(302);
    }

    Reply refused = staffAt(address).signIn("admin", TownhallTest.ADMIN_PASSWORD);

    assertThat(refused.status()).isEqualTo(429);
    assertThat(auditOf("admin")).first().satisfies(e -> {
      assertThat(e.action()).isEqualTo("sign-in-refused");
      assertThat(e.detail()).isEqualTo("too many attempts from this address, from " + address);
    });
  }

  @Test
  void successfulSignInsDoNotUseTheLimitUp() {
    String address = newAddress();
    for (int i = 0; i < 8; i++) {
      Reply signedIn = staffAt(address).signIn("admin", TownhallTest.ADMIN_PASSWORD);
      assertThat(signedIn.raw().headers().firstValue("Location")).as("sign-in %d", i + 1)
          .hasValueSatisfying(l -> assertThat(l).endsWith("/console/"));
    }
    assertThat(auditOf("admin")).first().satisfies(e -> {
      assertThat(e.action()).isEqualTo("sign-in");
      assertThat(e.detail()).isEqualTo("from " + address);
    });
  }

  @Test
  void aTelegramChatOverItsLimitIsToldOnceToWaitAndItsMessagesAreNotProcessed() {
    long chat = CHATS.incrementAndGet();
    telegram().text(chat, "hello");
    telegram().text(chat, "thanks");
    telegram().text(chat, "when is my bin collected");
    telegram().text(chat, "council tax");
    awaitProcessed();

    List<String> sent = telegram().textsTo(chat);
    assertThat(sent.stream().filter(t -> t.startsWith("You're sending messages very quickly"))).hasSize(1);
    StoredConversations store = bot().stored();
    String id = store.conversationsOf("telegram", Long.toString(chat), 1).get(0);
    List<String> transcript = store.transcript(id, 0).stream().map(e -> e.text()).toList();
    assertThat(transcript).contains("hello", "thanks").doesNotContain("when is my bin collected", "council tax");
  }

  /** Every update received and processed, and every reply sent. */
  void awaitProcessed() {
    ChannelQueues queues = bot().bean(ChannelQueues.class);
    await().atMost(PATIENCE).until(() -> telegram().unconfirmed() == 0 && queues.size("telegram-in") == 0
        && queues.size("telegram-out") == 0);
  }
}
