package org.townhall.bot.console;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.townhall.bot.store.ConversationRecord;
import org.townhall.bot.store.HandoffTicket;
import org.townhall.bot.store.TranscriptEntry;

/** The JSON shapes of the console API. */
final class ConsoleViews {

  private ConsoleViews() {}

  record QueueItem(
      String conversationId,
      String channel,
      String state,
      String owner,
      boolean urgent,
      String team,
      String topic,
      String topicTitle,
      String reason,
      Instant waitingSince,
      long waitingSeconds,
      String preview,
      boolean alert) {

    static QueueItem of(ConversationRecord c, String topicTitle, String preview, Instant now,
        ConsoleProperties properties) {
      HandoffTicket t = c.handoff();
      long waited = Math.max(0, Duration.between(t.waitingSince(), now).toSeconds());
      // Nothing waits unseen: an unclaimed conversation past the alert time is flagged.
      boolean alert = c.owner() == null && waited >= properties.alertAfter().toSeconds();
      return new QueueItem(c.id(), c.channel(), c.state(), c.owner(), t.urgent(), t.team(), t.topic(), topicTitle,
          t.reason(), t.waitingSince(), waited, preview, alert);
    }
  }

  record ConversationDetail(
      String conversationId,
      String channel,
      String state,
      String owner,
      long version,
      Instant createdAt,
      HandoffTicket handoff,
      Map<String, String> context,
      List<TranscriptEntry> transcript) {

    static ConversationDetail of(ConversationRecord c, List<TranscriptEntry> transcript) {
      return new ConversationDetail(c.id(), c.channel(), c.state(), c.owner(), c.version(), c.createdAt(), c.handoff(),
          c.attributes(), transcript);
    }
  }

  record StaffReply(String text) {}

  record Me(String username, List<String> roles) {}
}
