package org.townhall.bot.conversation;

import java.util.Objects;

/**
 * A message from a resident, as any channel delivers it: the channel-neutral model that web chat,
 * Telegram and later channels share. Conversation logic never sees a channel's own types.
 *
 * @param conversationId the conversation it belongs to
 * @param channel the channel it came from ({@code webchat}, {@code telegram}, …), or null if unknown
 * @param channelUserId who the resident is on that channel, or null if unknown
 * @param channelMessageId the channel's id for this message; a redelivered id is processed once
 * @param kind what the resident sent: text, a correction, or something the bot cannot read
 * @param text what the resident wrote (already length-checked by the channel); for kinds without
 *     text, an optional caption or null
 * @param quickReply whether the text is a tap on one of the bot's quick replies
 */
public record InboundMessage(String conversationId, String channel, String channelUserId, String channelMessageId,
    Kind kind, String text, boolean quickReply) {

  /** What a resident can send. Channels map their own message types to these. */
  public enum Kind {
    /** Text typed by the resident (or a quick reply's label). */
    TEXT,
    /** A correction of an earlier message: answered as new while with the bot, recorded while with staff. */
    EDIT,
    /** The resident asked what the bot can do (e.g. Telegram's /help). */
    HELP,
    PHOTO,
    STICKER,
    VOICE,
    LOCATION,
    CONTACT,
    /** Anything else the bot cannot read (video, document, poll…). */
    OTHER;

    /** Whether the bot reads the text as a message to understand. */
    public boolean isText() {
      return this == TEXT || this == EDIT;
    }
  }

  public InboundMessage {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(channelMessageId, "channelMessageId");
    Objects.requireNonNull(kind, "kind");
    if (kind.isText()) {
      Objects.requireNonNull(text, "text");
    }
  }

  /** A text message, as web chat sends it. */
  public InboundMessage(String conversationId, String channelMessageId, String text) {
    this(conversationId, null, null, channelMessageId, Kind.TEXT, text, false);
  }

  public static InboundMessage text(String conversationId, String channel, String channelUserId, String messageId,
      String text) {
    return new InboundMessage(conversationId, channel, channelUserId, messageId, Kind.TEXT, text, false);
  }

  /** A tap on a quick reply: its label is the text. */
  public static InboundMessage quickReply(String conversationId, String channel, String channelUserId,
      String messageId, String label) {
    return new InboundMessage(conversationId, channel, channelUserId, messageId, Kind.TEXT, label, true);
  }

  /** Anything but plain text: an edit (with its new text), help, or media (with its caption, if any). */
  public static InboundMessage of(Kind kind, String conversationId, String channel, String channelUserId,
      String messageId, String text) {
    return new InboundMessage(conversationId, channel, channelUserId, messageId, kind, text, false);
  }
}
