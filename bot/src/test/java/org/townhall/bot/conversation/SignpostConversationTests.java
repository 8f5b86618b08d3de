package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.townhall.bot.store.BotPause;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.TownhallTest;

/**
 * Signposts with the real pack and classifier: a message the bot cannot help with gets a pointer
 * to whoever can, added to the "didn't understand" reply; a council topic never gets one.
 */
@TownhallTest
class SignpostConversationTests {

  private static final String GAS_NUMBER = "0800 111 999";

  @Autowired
  Conversations conversations;

  @Autowired
  ResidentMessages residents;

  @Autowired
  StaffActions staffActions;

  @Autowired
  Phrases phrases;

  @Autowired
  StaffStore staff;

  private String conversation() {
    return residents.start("webchat", null, "hash").id();
  }

  /** The bot's reply to one message (the lines after the resident's own). */
  private List<TranscriptEntry> reply(String id, String text) {
    List<TranscriptEntry> added = residents.receive(new InboundMessage(id, "m-" + text.hashCode(), text));
    assertThat(added.get(0).from()).isEqualTo(Sender.RESIDENT);
    return added.subList(1, added.size());
  }

  private String notUnderstood() {
    return phrases.get("not-understood");
  }

  /**
   * A gas smell is a safeguarding hazard the council can only signpost: the number is the whole
   * answer (no "didn't understand", no "Did that help?"), and the bot stays with the resident.
   */
  @Test
  void aGasEmergencyGetsTheNumberAsTheWholeAnswerAndTheBotStaysWithTheResident() {
    String id = conversation();

    List<TranscriptEntry> replies = reply(id, "there is a smell of gas in the street");

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).text()).contains(GAS_NUMBER);
    assertThat(replies.get(0).options()).containsExactly(phrases.get("option.person"));
    assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.BOT);
  }

  /**
   * The classifier reads these as council topics or is unsure (a pothole, housing repairs, noise,
   * "Did you mean"): the number must come first, and nothing that trivialises it after.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "gas leak in the road outside the school",
      "I can smell gas outside my house",
      "I smell gas in my kitchen",
      "carbon monoxide alarm going off in my flat",
      "the house next door is on fire"})
  void aLifeSafetyPointerComesFirstWhateverTheClassifierMakesOfTheMessage(String message) {
    List<TranscriptEntry> replies = reply(conversation(), message);

    assertThat(replies.get(0).text()).containsAnyOf(GAS_NUMBER, "call 999");
    assertThat(replies).extracting(TranscriptEntry::text).noneSatisfy(text -> assertThat(text)
        .containsAnyOf(notUnderstood(), phrases.get("feedback.ask"), phrases.get("clarify")));
  }

  /** Life-safety help is the one exception to the silence rule: it reaches the resident, staff see it. */
  @Test
  void aGasSmellWhileWithStaffStillGetsTheNumber() {
    String id = conversation();
    reply(id, "can I speak to a person");
    staffActions.claim(id, "admin");

    List<TranscriptEntry> added = residents.receive(new InboundMessage(id, "m-gas", "I can smell gas"));

    assertThat(added).extracting(TranscriptEntry::from).containsExactly(Sender.RESIDENT, Sender.BOT);
    assertThat(added.get(1).text()).contains(GAS_NUMBER);
    assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.WITH_AGENT);
  }

  /** Paused, the bot still tells the resident they are queued: the number comes before that. */
  @Test
  void whileTheBotIsPausedTheEmergencyNumberStillComesFirst() {
    String id = conversation();
    staff.pauseBot(new BotPause("wrong bin dates", "admin", Instant.now()));
    try {
      List<TranscriptEntry> replies = reply(id, "I can smell gas");

      assertThat(replies.get(0).text()).contains(GAS_NUMBER);
      assertThat(replies).hasSizeGreaterThan(1);
      assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.AWAITING_AGENT);
    } finally {
      staff.resumeBot();
    }
  }

  @Test
  void aPassportQuestionIsPointedToGovUkAfterTheUsualReply() {
    TranscriptEntry reply = reply(conversation(), "how do I renew my passport").get(0);

    assertThat(reply.text()).startsWith(notUnderstood())
        .contains("HM Passport Office")
        .endsWith("https://www.gov.uk/browse/abroad/passports");
    assertThat(reply.options()).containsExactly(phrases.get("option.person"));
  }

  /** After a miss, a gas smell is not a second miss: the number, not "I still didn't understand". */
  @Test
  void aGasSmellAfterAMissGetsTheNumberNotASecondMiss() {
    String id = conversation();
    reply(id, "what's the capital of France");

    List<TranscriptEntry> replies = reply(id, "there is a smell of gas in the street");

    assertThat(replies).hasSize(1);
    assertThat(replies.get(0).text()).contains(GAS_NUMBER);
    assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.BOT);
  }

  @Test
  void aCouncilTopicGetsItsAnswerAndNoSignpost() {
    List<TranscriptEntry> reply = reply(conversation(), "my bin wasn't collected");

    assertThat(reply).extracting(TranscriptEntry::text).noneSatisfy(text -> assertThat(text)
        .containsAnyOf(notUnderstood(), GAS_NUMBER, "GOV.UK", "call 999", "call 101", "call 105"));
  }

  @Test
  void aMessageWithNoSignpostGetsThePlainReply() {
    TranscriptEntry reply = reply(conversation(), "what's the capital of France").get(0);

    assertThat(reply.text()).isEqualTo(notUnderstood());
  }
}
