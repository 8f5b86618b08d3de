package org.townhall.bot.conversation;

import java.util.List;
import java.util.Optional;

/**
 * Published after every committed change, so that channels can deliver new lines and live views
 * can refresh.
 *
 * @param conversation the conversation as now stored
 * @param appended the transcript lines this change added
 */
public record ConversationUpdated(ConversationRecord conversation, List<TranscriptEntry> appended) {

  /** The added lines meant for the resident, in order, as channels deliver them. */
  public List<OutboundMessage> outbound() {
    return appended.stream()
        .map(e -> OutboundMessage.of(conversation.id(), e))
        .flatMap(Optional::stream)
        .toList();
  }
}
