package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.townhall.bot.handoff.HandoffTicket;

/** The console's typed reading of what the bot understood, from the conversation's own record. */
class UnderstoodTests {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private static ConversationRecord record(Map<String, String> attributes) {
    return ConversationRecord.start("c", "webchat", "c", null, ConversationState.AWAITING_AGENT, NOW)
        .withAttributes(attributes);
  }

  @Test
  void readsDetailsAnswersAndFiguresFromTheDialogueContext() {
    var c = record(Map.of(Attributes.SLOT_PREFIX + "postcode", "AB1 2CD", Attributes.FEEDBACK_PREFIX + "bin_day", "no",
        Attributes.LAST_INTENT, "council_tax_pay", Attributes.FIRST_RESPONSE_SECONDS, "42",
        Attributes.CALL_BACK_REFERENCE, "TH-1234ABCD", Attributes.PENDING_INTENT, "internal"));

    Understood understood = Understood.of(c, List.of());

    assertThat(understood.topic()).isEqualTo("council_tax_pay");
    assertThat(understood.details()).containsExactly(Map.entry("postcode", "AB1 2CD"));
    assertThat(understood.answersGiven()).containsExactly(new Understood.AnswerGiven("bin_day", "no"),
        new Understood.AnswerGiven("council_tax_pay", null));
    assertThat(understood.firstResponseSeconds()).isEqualTo(42L);
    assertThat(understood.callBackReference()).isEqualTo("TH-1234ABCD");
    assertThat(understood.wrapUp()).isNull();
  }

  @Test
  void theHandoffsTopicWinsAndTheLatestResidentGuessesAreShown() {
    var c = record(Map.of(Attributes.LAST_INTENT, "bin_day"))
        .withHandoff(new HandoffTicket(false, "housing", "homelessness", "asked_for_person", NOW));
    var older = TranscriptEntry.draft(Sender.RESIDENT, "bins", List.of(), NOW).withGuesses(List.of(new Guess("bin_day", 0.9)));
    var latest = TranscriptEntry.draft(Sender.RESIDENT, "nowhere to stay", List.of(), NOW)
        .withGuesses(List.of(new Guess("homelessness", 0.7), new Guess("housing_register", 0.2)));
    var botLine = TranscriptEntry.draft(Sender.BOT, "passing you on", List.of(), NOW);

    Understood understood = Understood.of(c, List.of(older, latest, botLine));

    assertThat(understood.topic()).isEqualTo("homelessness");
    assertThat(understood.latestGuesses()).extracting(Guess::intent).containsExactly("homelessness", "housing_register");
  }
}
