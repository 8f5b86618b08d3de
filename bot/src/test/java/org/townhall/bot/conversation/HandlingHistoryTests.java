package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.townhall.bot.handoff.HandoffTicket;

class HandlingHistoryTests {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");

  private static ConversationRecord fresh() {
    return ConversationRecord.start("c", "webchat", "c", null, ConversationState.BOT, NOW);
  }

  @Test
  void carriesTeamsStaffOutcomesAndTopicOverWhatTheLiveRecordForgets() {
    ConversationRecord answered = HandlingHistory.carriedOver(null,
        fresh().withAttributes(Map.of(Attributes.LAST_INTENT, "council_tax_pay")));
    ConversationRecord waiting = HandlingHistory.carriedOver(answered, answered.withState(ConversationState.AWAITING_AGENT)
        .withAttributes(Map.of()).withHandoff(new HandoffTicket(false, "council-tax", "council_tax_pay", "x", NOW)));
    ConversationRecord claimed = HandlingHistory.carriedOver(waiting,
        waiting.withState(ConversationState.WITH_AGENT).withOwner("ann"));
    ConversationRecord closed = HandlingHistory.carriedOver(claimed, claimed.withState(ConversationState.CLOSED)
        .withOwner(null).withHandoff(null).withAttributes(Map.of(Attributes.WRAP_UP, "signposted")));
    // "restart" clears every attribute of the dialogue.
    ConversationRecord restarted = HandlingHistory.carriedOver(closed, closed.withState(ConversationState.BOT)
        .withAttributes(Map.of()));

    assertThat(HandlingHistory.of(restarted)).isEqualTo(new HandlingHistory("council_tax_pay", List.of("council-tax"),
        List.of("ann"), List.of("signposted")));
    assertThat(HandlingHistory.of(fresh())).isEqualTo(new HandlingHistory(null, List.of(), List.of(), List.of()));
  }

  @Test
  void keepsEachNameOnceAndAtMostTwentyOfThem() {
    ConversationRecord c = fresh();
    for (int i = 0; i < 30; i++) {
      c = HandlingHistory.carriedOver(c, c.withOwner("agent" + (i % 25)));
      c = HandlingHistory.carriedOver(c, c.withOwner("agent0"));
    }

    List<String> staff = HandlingHistory.of(c).staff();
    assertThat(staff).hasSize(20).doesNotHaveDuplicates().contains("agent0", "agent1");
  }
}
