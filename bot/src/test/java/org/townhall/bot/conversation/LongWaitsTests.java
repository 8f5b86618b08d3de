package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.townhall.bot.handoff.HandoffTicket;

/** Which waiting conversations the call-back sweep picks. */
class LongWaitsTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final LongWaits sweep = new LongWaits(null, null,
      new CallBackProperties(Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(2)), Clock.fixed(NOW, ZoneOffset.UTC));

  private static ConversationRecord waiting(Duration waited) {
    Instant since = NOW.minus(waited);
    return ConversationRecord.start("c1", "webchat", "c1", null, ConversationState.AWAITING_AGENT, since)
        .withHandoff(new HandoffTicket(false, "waste", null, "asked_for_person", since));
  }

  @Test
  void picksOnlyUnclaimedConversationsWaitingPastTheOfferTimeAndNotOfferedYet() {
    assertThat(sweep.due(waiting(Duration.ofMinutes(14)), NOW)).isFalse();
    assertThat(sweep.due(waiting(Duration.ofMinutes(15)), NOW)).isTrue();
    assertThat(sweep.due(waiting(Duration.ofHours(2)).withOwner("ann").withState(ConversationState.WITH_AGENT), NOW)).isFalse();
    assertThat(sweep.due(waiting(Duration.ofHours(2))
        .withAttributes(Map.of(Attributes.CALL_BACK_REFERENCE, "TH-1")), NOW)).isFalse();
  }
}
