package org.townhall.bot.conversation;

/**
 * Published once a conversation has been erased from the conversation store and the staff store
 * ({@link Erasure}), synchronously and before the erasing caller is answered: every feature that
 * keeps something of the conversation elsewhere (a channel's queues, the editors' inbox) deletes it
 * on hearing this.
 *
 * @param conversation the conversation as it was, for its id, channel and the resident's id on it
 * @param farewell what to tell the resident on their channel now that it is gone, or null to send
 *     nothing (an administrator's erasure: the resident may have asked another way)
 */
public record ConversationErased(ConversationRecord conversation, String farewell) {}
