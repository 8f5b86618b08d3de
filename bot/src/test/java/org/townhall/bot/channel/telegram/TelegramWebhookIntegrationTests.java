package org.townhall.bot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.Http;
import org.townhall.bot.support.Http.Reply;

/** The Telegram channel in webhook mode: updates pushed to our own controller, checked by secret. */
class TelegramWebhookIntegrationTests extends TelegramJourneyContract {

  private static final String SECRET = "s3cret-Webhook_token-0123456789";
  private static final String PUBLIC_URL = "https://townhall.example.org/api/telegram/webhook";

  private static FakeTelegramApi telegram;
  private static BotInstance bot;

  @BeforeAll
  static void start() {
    telegram = FakeTelegramApi.start();
    bot = BotInstance.start(settings(telegram, "townhall.telegram.mode=webhook",
        "townhall.telegram.webhook-url=" + PUBLIC_URL, "townhall.telegram.webhook-secret=" + SECRET));
    // Telegram would post to the public address; here it posts straight to the instance.
    telegram.pushTo("http://127.0.0.1:" + bot.port() + TelegramWebhookController.PATH, SECRET);
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    telegram.close();
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
  void registersTheWebhookWithItsSecretAndDoesNotPoll() {
    assertThat(telegram.calls("setWebhook")).singleElement().satisfies(call -> {
      assertThat(call.body().path("url").asText()).isEqualTo(PUBLIC_URL);
      assertThat(call.body().path("secret_token").asText()).isEqualTo(SECRET);
    });
    assertThat(telegram.calls("getUpdates")).isEmpty();
  }

  @Test
  void aForgedOrUnreadableWebhookCallIsRefusedAndNothingIsProcessed() {
    long chat = newChat();
    String forged = "{\"update_id\":1,\"message\":{\"message_id\":1,\"date\":1763900000,"
        + "\"chat\":{\"id\":" + chat + ",\"type\":\"private\"},\"text\":\"hello\"}}";
    Http http = new Http(bot.port());

    Reply missing = http.send(post(http, forged, null));
    Reply wrong = http.send(post(http, forged, SECRET + "x"));
    Reply unreadable = http.send(post(http, "{not json", SECRET));
    Reply notAnUpdate = http.send(post(http, "{\"hello\":1}", SECRET));

    assertThat(missing.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(missing.json().path("error").asText()).contains("secret");
    assertThat(unreadable.status()).isEqualTo(400);
    assertThat(notAnUpdate.status()).isEqualTo(400);
    // A genuine update for another chat goes through, so by then the forged ones would have been too.
    long other = newChat();
    telegram.text(other, "/start");
    awaitText(other, t -> t.startsWith("Hello"));
    assertThat(store().conversationsOf("telegram", Long.toString(chat), 1)).isEmpty();
    assertThat(telegram.textsTo(chat)).isEmpty();
  }

  @Test
  void anUpdatePostedTwiceIsProcessedOnce() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    ObjectNode update = telegram.text(chat, "how do I pay my council tax");
    telegram.redeliver(update);
    telegram.redeliver(update);
    telegram.text(chat, "thanks");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).contains("thanks"));

    assertThat(transcriptTexts(id).stream().filter("how do I pay my council tax"::equals).count()).isEqualTo(1);
  }

  @Test
  void anEditedMessageIsAnsweredOnceAsANewMessageWhileWithTheBot() {
    long chat = newChat();
    telegram.text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    ObjectNode typo = telegram.text(chat, "how do I pya my concil tax");
    ObjectNode edit = telegram.edit(chat, typo.path("message").path("message_id").asInt(), "how do I pay my council tax");
    telegram.redeliver(edit);
    telegram.text(chat, "thanks");
    String id = conversationOf(chat);
    await().atMost(PATIENCE).until(() -> transcriptTexts(id).contains("thanks"));

    assertThat(transcriptTexts(id).stream().filter("how do I pay my council tax"::equals).count()).isEqualTo(1);
  }

  private static HttpRequest.Builder post(Http http, String body, String secret) {
    HttpRequest.Builder request = http.request(TelegramWebhookController.PATH)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    return secret == null ? request : request.header(TelegramWebhookController.SECRET_HEADER, secret);
  }
}
