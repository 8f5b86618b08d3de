/**
 * Channels: how residents reach the bot. Each sub-package adapts one channel (web chat, Telegram)
 * to {@link org.townhall.bot.conversation.Conversations}; conversation logic never sees a channel's
 * own types.
 */
package org.townhall.bot.channel;
