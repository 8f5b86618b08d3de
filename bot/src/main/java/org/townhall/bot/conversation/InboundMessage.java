package org.townhall.bot.conversation;

import java.util.Objects;

/**
 * A message from a resident, as any channel delivers it.
 *
 * @param conversationId the conversation it belongs to
 * @param channelMessageId the channel's id for this message; a redelivered id is processed once
 * @param text what the resident wrote (already length-checked by the channel)
 */
public record InboundMessage(String conversationId, String channelMessageId, String text) {

  public InboundMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(channelMessageId, "channelMessageId");
    Objects.requireNonNull(text, "text");
  }
}
