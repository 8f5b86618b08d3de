package org.townhall.bot.console;

import org.townhall.bot.conversation.ConversationState;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.handoff.HandoffTicket;

/** A queue row's wait and its "waiting too long" flag. */
class QueueItemTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final ConsoleProperties PROPERTIES = new ConsoleProperties(Duration.ofSeconds(1),
      Duration.ofMinutes(30), Duration.ofSeconds(15), Duration.ofMinutes(3), 3, List.of());

  private static ConversationRecord waitingSince(Instant since, String owner) {
    return ConversationRecord.start("c1", "webchat", "c1", null, owner == null ? ConversationState.AWAITING_AGENT : ConversationState.WITH_AGENT, since)
        .withHandoff(new HandoffTicket(false, "waste", "bin_collection_day", "asked_for_person", since))
        .withOwner(owner);
  }

  @Test
  void anUnclaimedConversationIsFlaggedOnceItHasWaitedTheAlertTime() {
    var fresh = ConsoleViews.QueueItem.of(waitingSince(NOW.minusSeconds(179), null), "Bins", "hi", null, NOW, PROPERTIES);
    var overdue = ConsoleViews.QueueItem.of(waitingSince(NOW.minusSeconds(180), null), "Bins", "hi", null, NOW, PROPERTIES);

    assertThat(fresh.alert()).isFalse();
    assertThat(fresh.waitingSeconds()).isEqualTo(179);
    assertThat(overdue.alert()).isTrue();
  }

  @Test
  void aClaimedConversationIsNeverFlagged() {
    var claimed = ConsoleViews.QueueItem.of(waitingSince(NOW.minusSeconds(3600), "ann"), "Bins", "hi", null, NOW, PROPERTIES);
    assertThat(claimed.alert()).isFalse();
    assertThat(claimed.owner()).isEqualTo("ann");
  }
}
