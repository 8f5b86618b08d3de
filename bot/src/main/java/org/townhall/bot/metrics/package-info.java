/**
 * What operations staff watch, at {@code /actuator/prometheus}: messages in and out per channel,
 * handoffs by reason and the handoff queue (from the {@link org.townhall.bot.conversation.ConversationUpdated}
 * events and the store), and the time one resident message takes ({@link
 * org.townhall.bot.metrics.StepTimer}, which channels wrap around each step). Tags are from small fixed
 * sets only: never a resident's text, a conversation id or a chat id. Classification time and Telegram
 * deliveries are counted where they happen ({@code nlu}, {@code channel.telegram}).
 */
package org.townhall.bot.metrics;
