package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboundMessageTests {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void botAndStaffLinesGoToTheResidentWithTheirQuickRepliesAndLinks() {
    var line = new TranscriptEntry(4, Sender.BOT, "Pay at https://www.example.gov.uk/council-tax/pay. Or call us.",
        List.of("Yes", "No"), NOW, null, List.of());

    OutboundMessage out = OutboundMessage.of("c1", line).orElseThrow();

    assertThat(out.sender()).isEqualTo(Sender.BOT);
    assertThat(out.seq()).isEqualTo(4);
    assertThat(out.quickReplies()).containsExactly("Yes", "No");
    assertThat(out.links()).containsExactly("https://www.example.gov.uk/council-tax/pay");
    assertThat(OutboundMessage.of("c1", TranscriptEntry.draft(Sender.AGENT, "hi", List.of(), NOW).withAuthor("sam")))
        .get().extracting(OutboundMessage::sender, OutboundMessage::author)
        .containsExactly(Sender.AGENT, "sam");
  }

  @Test
  void theResidentsOwnLinesAreNotSentBack() {
    assertThat(OutboundMessage.of("c1", TranscriptEntry.draft(Sender.RESIDENT, "hello", List.of(), NOW))).isEmpty();
  }
}
