package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.townhall.bot.store.TranscriptEntry;

class OutboundMessageTests {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void botAndStaffLinesGoToTheResidentWithTheirQuickRepliesAndLinks() {
    var line = new TranscriptEntry(4, "bot", "Pay at https://www.example.gov.uk/council-tax/pay. Or call us.",
        List.of("Yes", "No"), NOW, null, List.of());

    OutboundMessage out = OutboundMessage.of("c1", line).orElseThrow();

    assertThat(out.sender()).isEqualTo(OutboundMessage.Sender.BOT);
    assertThat(out.seq()).isEqualTo(4);
    assertThat(out.quickReplies()).containsExactly("Yes", "No");
    assertThat(out.links()).containsExactly("https://www.example.gov.uk/council-tax/pay");
    assertThat(OutboundMessage.of("c1", TranscriptEntry.draft("agent", "hi", List.of(), NOW).withAuthor("sam")))
        .get().extracting(OutboundMessage::sender, OutboundMessage::author)
        .containsExactly(OutboundMessage.Sender.AGENT, "sam");
  }

  @Test
  void theResidentsOwnLinesAndAnythingButBotAgentOrSystemLinesAreNotSent() {
    assertThat(OutboundMessage.of("c1", TranscriptEntry.draft("resident", "hello", List.of(), NOW))).isEmpty();
    assertThat(OutboundMessage.of("c1", TranscriptEntry.draft("note", "blocked", List.of(), NOW))).isEmpty();
  }
}
