package org.townhall.bot.conversation;

/**
 * Published while a conversation is being erased ({@link Erasure}), synchronously and before the
 * conversation store and the staff store delete their parts: every feature that keeps something of
 * it elsewhere (a channel's queues, the editors' inbox) deletes that on hearing this. Listeners must
 * be idempotent: if one fails, the erasure stops with the conversation still kept, and is done again.
 *
 * @param conversation the conversation as it is, for its id, channel and the resident's id on it
 */
public record ConversationErased(ConversationRecord conversation) {}
