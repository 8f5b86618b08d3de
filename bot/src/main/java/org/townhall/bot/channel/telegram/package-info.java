/**
 * The Telegram channel: Telegram updates (long polling, or webhooks through {@code
 * TelegramWebhookController}) are recorded in a durable inbound queue before they are acknowledged,
 * then translated into the channel-neutral {@link org.townhall.bot.conversation.InboundMessage} by
 * {@code TelegramUpdates}; the bot's and staff's lines come back as {@link
 * org.townhall.bot.conversation.ConversationUpdated} events and go out through a durable, paced
 * outbound queue ({@code TelegramOutbox}, {@code TelegramDelivery}). Off unless {@code
 * townhall.telegram.enabled=true}. Telegram types never leave this package.
 */
package org.townhall.bot.channel.telegram;
