package org.townhall.bot.channel.email;

/**
 * One staff reply waiting to be emailed: which line of which conversation, nothing more. The address
 * and the text are read from the conversation when it is sent, so they exist in one place only and
 * go with it when it is deleted.
 */
record ReplyEmail(String conversationId, long seq) {}
