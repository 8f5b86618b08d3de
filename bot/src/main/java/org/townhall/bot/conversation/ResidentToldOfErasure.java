package org.townhall.bot.conversation;

/**
 * Published once a resident's confirmed request to delete their data is carried out on every store
 * ({@link Erasure}): channels that send on their own (Telegram) tell the resident; the web chat answers
 * the request itself. Nothing of the resident is kept to send it but what the channel needs now.
 *
 * @param channel the resident's channel
 * @param channelUserId who they are on it (a Telegram chat id)
 * @param text what was deleted and what is kept, in the bot's words
 */
public record ResidentToldOfErasure(String channel, String channelUserId, String text) {}
