package org.townhall.bot.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Published after every committed change, so that channels can deliver new lines and live views
 * can refresh.
 *
 * @param conversation the conversation as now stored
 * @param appended the transcript lines this change added
 * @param before the conversation as it was read before this change, or null for a new one
 */
public record ConversationUpdated(ConversationRecord conversation, List<TranscriptEntry> appended,
    ConversationRecord before) {

  /** A change whose earlier state does not matter to the listener (a new conversation, or a test's). */
  public ConversationUpdated(ConversationRecord conversation, List<TranscriptEntry> appended) {
    this(conversation, appended, null);
  }

  /** The added lines meant for the resident, in order, as channels deliver them. */
  public List<OutboundMessage> outbound() {
    return appended.stream()
        .map(e -> OutboundMessage.of(conversation.id(), e))
        .flatMap(Optional::stream)
        .toList();
  }

  /** What this change meant for the figures (no message text). */
  public StepFacts facts() {
    return StepFacts.of(before, conversation, appended);
  }
}
