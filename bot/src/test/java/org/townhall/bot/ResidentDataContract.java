package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.learning.Inbox;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.FakeTelegramApi;
import org.townhall.bot.support.FreePort;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * UK GDPR on a running bot, with Telegram (a fake Bot API on loopback) and the web chat: a resident
 * deletes their data from the chat, an administrator exports or erases a resident's, and afterwards
 * nothing of them is left: checked through the application's own reads on every store, and, with
 * Redis, by reading every key.
 */
abstract class ResidentDataContract {

  static final Duration PATIENCE = Duration.ofSeconds(40);
  /** Email on (a real SMTP server in this process), so residents can leave an address. */
  static final int SMTP_PORT = FreePort.onLoopback();
  static final GreenMail SMTP = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  static {
    SMTP.start();
  }

  private static final AtomicLong CHATS = new AtomicLong(770_000_000L + (System.nanoTime() % 1_000_000L) * 100);

  abstract BotInstance bot();

  abstract FakeTelegramApi telegram();

  /**
   * Keys of the whole store whose name or content holds any of {@code needles} (every key, read by its
   * type); empty for a store that cannot be listed (memory).
   */
  abstract List<String> keysHolding(List<String> needles);

  /** Whether {@link #keysHolding} reads the store (so an empty answer proves something). */
  abstract boolean listsKeys();

  StoredConversations stored;
  StaffClient admin;

  /** The settings both stores' bots share, plus the store's own. */
  static String[] settings(FakeTelegramApi telegram, String... more) {
    List<String> all = new ArrayList<>(List.of("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        TownhallTest.ROOMY_LIMIT, "townhall.telegram.enabled=true", "townhall.telegram.token=" + FakeTelegramApi.TOKEN,
        "townhall.telegram.api-url=" + telegram.url(), "townhall.telegram.mode=polling",
        "townhall.telegram.poll-timeout=1s", "townhall.telegram.per-chat-interval=20ms",
        "townhall.telegram.retry-backoff=200ms", "spring.mail.host=127.0.0.1", "spring.mail.port=" + SMTP_PORT,
        "townhall.email.from=no-reply@council.example"));
    all.addAll(TownhallTest.ROOMY_RATES);
    all.addAll(List.of(more));
    return all.toArray(String[]::new);
  }

  @BeforeEach
  void signIn() {
    stored = bot().stored();
    admin = new StaffClient(bot().port());
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isLessThan(400);
  }

  /** A web chat resident who said something unique, waited for a person, left details and got a reply and a note. */
  private record WebResident(WebChatClient chat, String marker, String email, String staffReply, String note) {}

  private WebResident webResidentWithEverything() {
    String marker = "zorblax" + UUID.randomUUID().toString().substring(0, 8);
    WebChatClient resident = new WebChatClient(bot().port());
    assertThat(resident.start().status()).isEqualTo(201);
    // Not understood, so the editors' inbox keeps (a redacted copy of) it too.
    assertThat(resident.say("quibble " + marker + " frobnicate").status()).isEqualTo(202);
    assertThat(resident.say("talk to a person").status()).isEqualTo(202);
    String email = marker + "@example.org";
    String phone = "07700 900" + String.format("%03d", Math.floorMod(marker.hashCode(), 1000));
    assertThat(resident.leaveContact(Map.of("email", email, "phone", phone, "message", "evenings " + marker)).status())
        .isEqualTo(200);
    String id = resident.conversationId;
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    String staffReply = "Staff reply " + marker;
    assertThat(admin.reply(id, staffReply).status()).isEqualTo(200);
    String note = "Internal note " + marker;
    assertThat(admin.postJson("/conversations/" + id + "/notes", Map.of("text", note)).status()).isEqualTo(200);
    return new WebResident(resident, marker, email, staffReply, note);
  }

  @Test
  void aWebChatResidentAsksToDeleteTheirDataConfirmsAndNothingOfThemIsLeft() {
    WebResident r = webResidentWithEverything();
    String id = r.chat().conversationId;
    String phone = stored.find(id).orElseThrow().callBack().phone();
    assertThat(bot().bean(Inbox.class).textsFrom(id)).as("the inbox kept the not-understood message")
        .anyMatch(t -> t.contains(r.marker()));
    assertThat(bot().bean(StaffStore.class).notes(id)).isNotEmpty();
    if (listsKeys()) {
      assertThat(keysHolding(List.of(r.marker()))).as("the check finds the resident's words before").isNotEmpty();
      assertThat(keysHolding(List.of(phone))).isNotEmpty();
    }

    // Asked, then declined: nothing is deleted.
    Reply asked = r.chat().say("Delete my data");
    assertThat(asked.json().path("messages").get(0).path("text").asText()).contains("Delete everything?");
    assertThat(asked.json().path("messages").get(0).path("options").toString()).contains("Yes", "No");
    assertThat(asked.json().path("erased").asBoolean()).isFalse();
    Reply declined = r.chat().say("No");
    assertThat(declined.json().path("messages").get(0).path("text").asText()).contains("haven't deleted anything");
    assertThat(stored.find(id)).isPresent();
    // A yes to nothing deletes nothing: the question was dropped.
    r.chat().say("yes");
    assertThat(stored.find(id)).isPresent();

    assertThat(r.chat().say("please erase all my details").json().path("messages").get(0).path("text").asText())
        .contains("Delete everything?");
    Reply done = r.chat().say("Yes");
    assertThat(done.status()).isEqualTo(202);
    assertThat(done.json().path("erased").asBoolean()).isTrue();
    String told = done.json().path("messages").get(0).path("text").asText();
    assertThat(told).contains("deleted your conversation", ConversationReferences.of(id), "keeps only");

    assertThat(r.chat().messages(0).status()).isEqualTo(404);
    Reply gone = admin.get("/conversations/" + id);
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().path("error").asText()).as("the console says why").contains("deleted at the resident's request");
    // The member of staff who had it can do nothing more with it, and nothing is recreated.
    assertThat(admin.reply(id, "are you still there?").status()).isEqualTo(404);
    assertThat(admin.postJson("/conversations/" + id + "/notes", Map.of("text", "late note " + r.marker())).status())
        .isEqualTo(404);
    assertGone(id, List.of(r.marker(), r.email(), phone, r.staffReply(), r.note()));
    assertErasureAudited(id, "resident");
  }

  @Test
  void aResidentOnTelegramForgetsEveryConversationOfTheirChatAndIsToldWhatWasKept() {
    long chat = CHATS.incrementAndGet();
    String chatId = Long.toString(chat);
    String marker = "snorkvane" + UUID.randomUUID().toString().substring(0, 8);
    telegram().text(chat, "/start");
    awaitText(chat, t -> t.startsWith("Hello"));
    telegram().text(chat, "wibble " + marker);
    telegram().text(chat, "/human");
    awaitText(chat, t -> t.contains("member of our team"));
    telegram().text(chat, "/callback 07700 900765 after six " + marker);
    awaitText(chat, t -> t.contains("call you back on the number you gave"));
    String current = conversationOf(chat);
    // With a member of staff: the resident's right all the same, and staff see the question.
    assertThat(admin.post("/conversations/" + current + "/claim").status()).isEqualTo(200);
    // An earlier conversation of the same chat (kept until its retention ends).
    String earlier = UUID.randomUUID().toString();
    Instant yesterday = Instant.now().minus(Duration.ofDays(1));
    assertThat(stored.commit(ConversationRecord.start(earlier, "telegram", chatId, null, ConversationState.CLOSED,
        yesterday), 0, List.of(TranscriptEntry.draft(Sender.RESIDENT, "earlier " + marker, List.of(), yesterday))))
        .isTrue();
    List<String> conversations = stored.conversationsOf("telegram", chatId, 5);
    assertThat(conversations).containsExactly(current, earlier);
    if (listsKeys()) {
      assertThat(keysHolding(List.of("07700900765"))).as("the check finds the number before").isNotEmpty();
    }

    telegram().text(chat, "/forget");
    awaitText(chat, t -> t.contains("your earlier ones") && t.contains("Delete everything?"));
    telegram().tap(chat, "Yes");
    awaitText(chat, t -> t.startsWith("Done. I've deleted your conversations"));

    assertThat(stored.conversationsOf("telegram", chatId, 5)).isEmpty();
    List<String> needles = new ArrayList<>(List.of(chatId, marker, "07700900765"));
    needles.addAll(conversations);
    for (String id : conversations) {
      assertGone(id, needles);
      assertErasureAudited(id, "resident");
    }
    // Writing again starts a new conversation, with nothing of the old one.
    telegram().text(chat, "hello again");
    await().atMost(PATIENCE).until(() -> !stored.conversationsOf("telegram", chatId, 1).isEmpty());
    assertThat(stored.conversationsOf("telegram", chatId, 5)).hasSize(1).doesNotContainAnyElementsOf(conversations);
  }

  @Test
  void anAdministratorFindsExportsAndErasesAResidentsDataByReferenceOrChat() {
    WebResident r = webResidentWithEverything();
    String id = r.chat().conversationId;
    String reference = ConversationReferences.of(id);

    JsonNode found = admin.get("/admin/residents?reference=" + reference.toLowerCase()).json();
    assertThat(found.path("channel").asText()).isEqualTo("webchat");
    assertThat(found.path("conversations").get(0).path("conversationId").asText()).isEqualTo(id);
    assertThat(found.path("conversations").get(0).path("detailsLeftForReply").asBoolean()).isTrue();
    assertThat(found.toString()).as("the list shows no content").doesNotContain(r.marker());

    Reply export = admin.get("/admin/residents/export?conversation=" + id);
    assertThat(export.status()).isEqualTo(200);
    assertThat(export.raw().headers().firstValue("Content-Disposition").orElse(""))
        .contains("attachment", reference);
    JsonNode exported = export.json().path("conversations").get(0);
    assertThat(exported.path("transcript").toString()).contains("quibble " + r.marker(), r.staffReply());
    assertThat(exported.path("callBack").path("email").asText()).isEqualTo(r.email());
    assertThat(exported.path("staffNotes").toString()).contains(r.note());
    assertThat(exported.path("editorsInbox").toString()).contains(r.marker());

    Reply page = admin.send(admin.request("/api/console/admin/residents/export.html?conversation=" + id).GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.raw().body()).contains("<h1>Data kept about a resident</h1>", "quibble " + r.marker(), r.email(),
        "<th scope=\"col\">Text</th>");
    assertThat(admin.auditOf("admin")).contains("export: subject access, JSON", "export: subject access, page");

    Reply erased = admin.post("/admin/residents/erase?reference=" + reference);
    assertThat(erased.status()).isEqualTo(200);
    assertThat(erased.json().path("references").toString()).contains(reference);
    assertThat(admin.get("/admin/residents?conversation=" + id).status()).isEqualTo(404);
    assertGone(id, List.of(r.marker(), r.email(), r.staffReply(), r.note()));
    assertErasureAudited(id, "admin");

    // A Telegram resident by chat id.
    long chat = CHATS.incrementAndGet();
    telegram().text(chat, "/start");
    telegram().text(chat, "how do I pay my council tax");
    awaitText(chat, "Did that help?"::equals);
    JsonNode byChat = admin.get("/admin/residents/export?telegram=" + chat).json();
    assertThat(byChat.path("telegramChat").asText()).isEqualTo(Long.toString(chat));
    assertThat(byChat.path("conversations").get(0).path("transcript").toString())
        .contains("how do I pay my council tax");
    assertThat(admin.post("/admin/residents/erase?telegram=" + chat).status()).isEqualTo(200);
    assertThat(stored.conversationsOf("telegram", Long.toString(chat), 5)).isEmpty();
    assertThat(admin.get("/admin/residents?telegram=" + chat).status()).isEqualTo(404);
  }

  @Test
  void badInputIsRefusedWithJsonErrorsAndOnlyAdministratorsMayAsk() {
    for (String query : List.of("", "?conversation=", "?conversation=..%2Fx", "?conversation=*",
        "?reference=TH-XYZ", "?reference=th-1234567", "?telegram=abc", "?telegram=99999999999999999999",
        "?telegram=1%20OR%201", "?conversation=" + UUID.randomUUID() + "&telegram=1",
        "?telegram=-9999999999999999999")) {
      for (String path : List.of("/admin/residents", "/admin/residents/export", "/admin/residents/export.html")) {
        Reply reply = admin.get(path + query);
        assertThat(reply.status()).as(path + query).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).as(path + query).isNotBlank();
      }
      Reply erase = admin.post("/admin/residents/erase" + query);
      assertThat(erase.status()).as("erase" + query).isEqualTo(400);
      assertThat(erase.json().path("error").asText()).isNotBlank();
    }
    Reply unknown = admin.get("/admin/residents?conversation=" + UUID.randomUUID());
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().path("error").asText()).isEqualTo("No conversation with that id is kept.");
    assertThat(admin.post("/admin/residents/erase?telegram=4242").status()).isEqualTo(404);

    String agent = "privacy-agent-" + Long.toString(CHATS.incrementAndGet(), 36);
    assertThat(admin.postJson("/admin/staff", Map.of("username", agent, "password", "long-enough-password",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    StaffClient notAdmin = new StaffClient(bot().port());
    notAdmin.signIn(agent, "long-enough-password");
    WebChatClient resident = new WebChatClient(bot().port());
    resident.start();
    resident.say("hello");
    Reply refused = notAdmin.get("/admin/residents/export?conversation=" + resident.conversationId);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(notAdmin.post("/admin/residents/erase?conversation=" + resident.conversationId).status())
        .isEqualTo(403);
    assertThat(stored.find(resident.conversationId)).isPresent();
  }

  /** Nothing of the conversation through the application's reads, and (Redis) in no key at all. */
  private void assertGone(String id, List<String> needles) {
    assertThat(stored.find(id)).isEmpty();
    assertThat(stored.transcript(id, 0)).isEmpty();
    StaffStore staff = bot().bean(StaffStore.class);
    assertThat(staff.notes(id)).isEmpty();
    assertThat(staff.auditOf(id)).isEmpty();
    assertThat(staff.auditLog(StaffStore.AUDIT_KEPT)).extracting(AuditEntry::conversationId).doesNotContain(id);
    assertThat(staff.safeguardingEvents(StaffStore.SAFEGUARDING_KEPT)).noneMatch(e -> id.equals(e.conversationId()));
    assertThat(bot().bean(Inbox.class).textsFrom(id)).isEmpty();
    assertThat(admin.get("/call-backs").raw().body()).doesNotContain(id);
    assertThat(admin.get("/queue").raw().body()).doesNotContain(id);
    if (listsKeys()) {
      List<String> all = new ArrayList<>(needles);
      all.add(id);
      // Queues drop a chat's emptied lane on their next pass: a moment after the last message went.
      await().atMost(PATIENCE).untilAsserted(() -> assertThat(keysHolding(all)).as("keys holding " + all).isEmpty());
      // Hashes name nobody by themselves, but may only be where the README says: rate limits, for minutes.
      List<String> hashes = all.stream().map(Sha256::hex).toList();
      assertThat(keysHolding(hashes)).allMatch(k -> k.startsWith("th:limit:"));
    }
  }

  private void assertErasureAudited(String id, String by) {
    String reference = ConversationReferences.of(id);
    assertThat(bot().bean(StaffStore.class).auditLog(StaffStore.AUDIT_KEPT))
        .anyMatch(e -> e.action().equals("erase") && e.actor().equals(by) && reference.equals(e.conversationId()));
  }

  private void awaitText(long chat, java.util.function.Predicate<String> wanted) {
    await().atMost(PATIENCE).until(() -> telegram().textsTo(chat).stream().anyMatch(wanted));
  }

  private String conversationOf(long chat) {
    await().atMost(PATIENCE).until(() -> !stored.conversationsOf("telegram", Long.toString(chat), 1).isEmpty());
    return stored.conversationsOf("telegram", Long.toString(chat), 1).get(0);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
