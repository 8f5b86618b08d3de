package org.townhall.bot.conversation;


/**
 * Published when the member of staff who has a conversation is typing a reply, so that channels
 * which can show it (e.g. Telegram's "typing…") do; web chat reads it with the transcript instead.
 *
 * @param conversation the conversation as stored
 * @param agent who is typing
 */
public record StaffTyping(ConversationRecord conversation, String agent) {}
