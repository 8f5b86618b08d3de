package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.townhall.bot.support.TownhallTest;

/**
 * The conversation's context, with the real pack and classifier: a person asked for "about" a topic
 * goes to that topic's team; a bare postcode after a topic is for that topic; and a resident who
 * cannot give their postcode is offered a way out instead of the same question again and again.
 */
@TownhallTest
class ContextAndDetailsConversationTests {

  @Autowired
  Conversations conversations;

  @Autowired
  ResidentMessages residents;

  @Autowired
  Phrases phrases;

  private String conversation() {
    return residents.start("webchat", null, "hash").id();
  }

  /** The bot's lines in reply to one message (after the resident's own). */
  private List<TranscriptEntry> reply(String id, String text) {
    List<TranscriptEntry> added = residents.receive(new InboundMessage(id, "m-" + System.nanoTime(), text));
    assertThat(added.get(0).from()).isEqualTo(Sender.RESIDENT);
    return added.subList(1, added.size());
  }

  private ConversationRecord stored(String id) {
    return conversations.find(id).orElseThrow();
  }

  @ParameterizedTest
  @ValueSource(strings = {"can I speak to a person about my council tax bill",
      "I want to talk to someone about paying my council tax", "real person please, council tax payment"})
  void aPersonAskedForAboutATopicGoesToThatTopicsTeam(String message) {
    String id = conversation();

    reply(id, message);

    ConversationRecord c = stored(id);
    assertThat(c.state()).isEqualTo(ConversationState.AWAITING_AGENT);
    assertThat(c.handoff().team()).isEqualTo("council-tax");
    assertThat(c.handoff().reason()).startsWith("asked_for_person");
  }

  @Test
  void aPersonAskedForWithNothingElseGoesToTheLastTopicsTeam() {
    String id = conversation();
    reply(id, "when is my bin collected");
    reply(id, "CF10 2AB");

    reply(id, "can I speak to someone");

    assertThat(stored(id).handoff().team()).isEqualTo("waste");
  }

  @Test
  void aBarePostcodeAfterAMissedBinGivesThatAddressesCollectionDays() {
    String id = conversation();
    reply(id, "my bin wasn't collected yesterday");

    List<TranscriptEntry> replies = reply(id, "CF10 2AB");

    assertThat(replies.get(0).text()).doesNotContain(phrases.get("not-understood")).contains("Tuesday");
    assertThat(stored(id).state()).isEqualTo(ConversationState.BOT);
    assertThat(stored(id).attributes()).containsEntry(Attributes.LAST_INTENT, "bin_collection_day");
  }

  @Test
  void aBarePostcodeWithNoTopicBeforeIsNotGuessedAt() {
    String id = conversation();

    List<TranscriptEntry> replies = reply(id, "CF10 2AB");

    assertThat(stored(id).attributes()).doesNotContainEntry(Attributes.LAST_INTENT, "bin_collection_day");
    assertThat(replies.get(0).text()).doesNotContain("Tuesday");
  }

  @Test
  void afterTwoUnusableAnswersTheResidentIsOfferedAWayOutAndCanSkip() {
    String id = conversation();
    reply(id, "when is bin day");
    assertThat(stored(id).state()).isEqualTo(ConversationState.COLLECTING);

    List<TranscriptEntry> first = reply(id, "the one by the park");
    assertThat(first.get(0).text()).isEqualTo(phrases.get("postcode.invalid"));

    List<TranscriptEntry> second = reply(id, "the house with the red door");
    assertThat(second.get(0).text()).isEqualTo(phrases.get("postcode.way-out"));
    assertThat(second.get(0).options()).containsExactly(phrases.get("option.skip.detail"),
        phrases.get("option.person"), phrases.get("option.cancel.detail"));

    List<TranscriptEntry> skipped = reply(id, phrases.get("option.skip.detail"));
    assertThat(skipped.get(0).text()).contains("your address").doesNotContain("{postcode}");
    assertThat(stored(id).state()).isEqualTo(ConversationState.BOT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"I don't know", "not sure", "no idea"})
  void notKnowingThePostcodeGetsTheWayOutAtOnce(String answer) {
    String id = conversation();
    reply(id, "when is bin day");

    List<TranscriptEntry> replies = reply(id, answer);

    assertThat(replies.get(0).text()).isEqualTo(phrases.get("postcode.way-out"));
    assertThat(stored(id).state()).isEqualTo(ConversationState.COLLECTING);
  }

  @Test
  void aPersonFromTheWayOutGoesToTheTopicsTeam() {
    String id = conversation();
    reply(id, "when is bin day");
    reply(id, "no idea");

    reply(id, phrases.get("option.person"));

    assertThat(stored(id).state()).isEqualTo(ConversationState.AWAITING_AGENT);
    assertThat(stored(id).handoff().team()).isEqualTo("waste");
  }
}
