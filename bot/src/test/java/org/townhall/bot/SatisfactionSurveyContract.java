package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The web chat resident is told they talk to a program, with the privacy notice, from the first line;
 * after a member of staff closes their conversation they are asked how satisfied they are (1 to 5,
 * then a comment), the answer reaches the console and the ADMIN figures (the comment redacted), and
 * an answer that is not 1 to 5 is asked about once more, then dropped. Run against each store.
 */
abstract class SatisfactionSurveyContract {

  /** Everything the store holds for the figures, as stored (JSON in Redis), to look for personal data in. */
  abstract List<String> storedForTheFigures();

  /** Every key the store holds, to check against its documented names (none for the in-memory store). */
  java.util.Set<String> storeKeys() {
    return java.util.Set.of();
  }

  static final String QUESTION = "How satisfied are you with the help you got from our team today?";

  @LocalServerPort
  int port;

  WebChatClient resident;
  StaffClient staff;

  @BeforeEach
  void residentAndStaff() {
    resident = new WebChatClient(port);
    assertThat(resident.start().status()).isEqualTo(201);
    staff = new StaffClient(port);
    assertThat(staff.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isLessThan(400);
  }

  @Test
  void everyConversationStartsSayingItIsAProgramWithThePrivacyNotice() {
    String welcome = resident.send(resident.request("/api/webchat/welcome").GET()).json().path("text").asText();
    assertThat(welcome).startsWith("Hello, I'm the council's assistant.")
        .contains("I'm an automated assistant (a computer program), not a person.")
        .endsWith("\nhttps://www.example.gov.uk/privacy/chat");
    JsonNode first = resident.messages(0).json().path("messages").get(0);
    assertThat(first.path("seq").asLong()).isEqualTo(1);
    assertThat(first.path("text").asText()).isEqualTo(welcome);
    // "Start again" says it too: it is how a Telegram resident starts over.
    assertThat(resident.say("start again").json().path("messages").get(0).path("text").asText()).isEqualTo(welcome);
  }

  @Test
  void afterStaffCloseTheResidentRatesAndCommentsAndTheFiguresHaveItRedacted() {
    JsonNode before = figures();
    closedByStaff();

    Reply rated = resident.say("4");
    JsonNode comment = rated.json().path("messages").get(0);
    assertThat(comment.path("text").asText()).startsWith("Thank you. Is there anything you'd like to tell us");
    assertThat(comment.path("options")).extracting(JsonNode::asText).containsExactly("Skip");
    assertThat(resident.state()).isEqualTo("CLOSED");
    assertThat(detail().path("satisfaction").asInt()).isEqualTo(4);

    Reply thanked = resident.say("Sam was great, call me on 07700 900123 or sam.resident@example.org");
    assertThat(thanked.json().path("messages").get(0).path("text").asText())
        .isEqualTo("Thank you for your feedback. You can write again at any time.");
    assertThat(resident.state()).isEqualTo("CLOSED");

    JsonNode after = figures();
    assertThat(after.path("ratings").asInt()).isEqualTo(before.path("ratings").asInt() + 1);
    assertThat(share(after, 4)).isEqualTo(share(before, 4) + 1);
    assertThat(after.path("comments").asInt()).isEqualTo(before.path("comments").asInt() + 1);
    String stored = after.path("latestComments").get(0).path("text").asText();
    assertThat(stored).isEqualTo("Sam was great, call me on [phone] or [email]");
    assertThat(after.path("latestComments").get(0).path("team").asText()).isEqualTo("council-tax");
    JsonNode team = teamOf(after, "council-tax");
    assertThat(team.path("ratings").asInt()).isPositive();
    assertThat(team.path("mean").isNumber()).isTrue();
    // Nothing stored for the figures holds the phone number or the address, in any form.
    assertThat(storedForTheFigures()).isNotEmpty()
        .noneMatch(v -> v.contains("07700") || v.contains("900123") || v.contains("sam.resident"));
    assertThat(storeKeys()).allMatch(StoreKeyNames::documented);
    // Staff handling the conversation still read what the resident wrote.
    assertThat(texts(detail())).contains("Sam was great, call me on 07700 900123 or sam.resident@example.org");

    // The next message is a new question for the bot.
    assertThat(resident.say("how do I pay my council tax").json().path("messages").get(0).path("text").asText())
        .doesNotContain("satisfied");
    assertThat(resident.state()).isEqualTo("BOT");
  }

  @Test
  void skippingTheCommentRecordsTheRatingOnly() {
    JsonNode before = figures();
    closedByStaff();
    resident.say("5");
    assertThat(resident.say("Skip").json().path("messages").get(0).path("text").asText())
        .startsWith("Thank you for your feedback.");
    JsonNode after = figures();
    assertThat(share(after, 5)).isEqualTo(share(before, 5) + 1);
    assertThat(after.path("comments").asInt()).isEqualTo(before.path("comments").asInt());
  }

  @Test
  void answersThatAreNotOneToFiveAreAskedAboutOnceThenDropped() {
    for (List<String> answers : List.of(List.of("great", "6"), List.of("😀", "0"), List.of("⭐⭐⭐⭐", "ten"))) {
      resident = new WebChatClient(port);
      resident.start();
      JsonNode before = figures();
      closedByStaff();

      JsonNode again = resident.say(answers.get(0)).json().path("messages").get(0);
      assertThat(again.path("text").asText()).as(answers.get(0))
          .isEqualTo("Please choose a number from 1 to 5, where 5 is very satisfied.");
      assertThat(again.path("options")).extracting(JsonNode::asText).containsExactly("1", "2", "3", "4", "5");

      // A second wrong answer drops the question: the message is the bot's, like any other.
      JsonNode dropped = resident.say(answers.get(1)).json().path("messages");
      assertThat(dropped).isNotEmpty();
      assertThat(dropped.get(0).path("text").asText()).as(answers.get(1)).doesNotContain("choose a number");
      assertThat(resident.state()).isNotEqualTo("CLOSED");
      assertThat(figures().path("ratings").asInt()).isEqualTo(before.path("ratings").asInt());
      assertThat(detail().has("satisfaction")).isFalse();
    }
  }

  @Test
  void aCommandWhileAskedIsACommandAndAResidentsOwnStopAsksNothing() {
    closedByStaff();
    assertThat(resident.say("talk to a person").json().path("messages").get(0).path("text").asText())
        .contains("member of our team");
    assertThat(resident.state()).isEqualTo("AWAITING_AGENT");

    assertThat(resident.say("stop").json().path("messages")).extracting(m -> m.path("text").asText())
        .noneMatch(t -> t.contains("satisfied"));
    assertThat(resident.state()).isEqualTo("CLOSED");
  }

  @Test
  void closingAConversationNobodyClaimedAsksNothing() {
    resident.say("talk to a person");
    assertThat(staff.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "duplicate"))
        .status()).isEqualTo(200);
    assertThat(texts(detail())).noneMatch(t -> t.contains("satisfied"));
  }

  @Test
  void theFiguresRefuseAPeriodOutsideOneToAYear() {
    for (String days : List.of("0", "367", "-1", "abc")) {
      Reply refused = staff.get("/admin/satisfaction?days=" + days);
      assertThat(refused.status()).as(days).isEqualTo(400);
      assertThat(refused.json().path("error").asText()).as(days).isNotBlank();
    }
    StaffClient agent = new StaffClient(port);
    assertThat(agent.get("/admin/satisfaction").status()).isEqualTo(401);
  }

  private void closedByStaff() {
    resident.say("how do I pay my council tax");
    resident.say("talk to a person");
    assertThat(staff.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);
    assertThat(staff.reply(resident.conversationId, "Hello, I can help.").status()).isEqualTo(200);
    assertThat(staff.postJson("/conversations/" + resident.conversationId + "/close", Map.of("wrapUp", "resolved"))
        .status()).isEqualTo(200);
    JsonNode lines = resident.messages(0).json().path("messages");
    JsonNode question = lines.get(lines.size() - 1);
    assertThat(question.path("from").asText()).isEqualTo("bot");
    assertThat(question.path("text").asText()).startsWith(QUESTION);
    assertThat(question.path("options")).extracting(JsonNode::asText).containsExactly("1", "2", "3", "4", "5");
    assertThat(resident.state()).isEqualTo("CLOSED");
  }

  private JsonNode figures() {
    Reply reply = staff.get("/admin/satisfaction?days=30");
    assertThat(reply.status()).isEqualTo(200);
    return reply.json();
  }

  private JsonNode detail() {
    return staff.get("/conversations/" + resident.conversationId).json();
  }

  private static int share(JsonNode figures, int rating) {
    for (JsonNode s : figures.path("distribution")) {
      if (s.path("rating").asInt() == rating) {
        return s.path("count").asInt();
      }
    }
    throw new AssertionError("no share for " + rating + " in " + figures);
  }

  private static JsonNode teamOf(JsonNode figures, String team) {
    for (JsonNode t : figures.path("teams")) {
      if (t.path("team").asText().equals(team)) {
        return t;
      }
    }
    throw new AssertionError("no team " + team + " in " + figures);
  }

  private static List<String> texts(JsonNode detail) {
    List<String> texts = new ArrayList<>();
    detail.path("transcript").forEach(l -> texts.add(l.path("text").asText()));
    return texts;
  }
}
