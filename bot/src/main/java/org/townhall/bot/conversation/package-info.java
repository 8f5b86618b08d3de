/**
 * Conversations: each one is a state machine (BOT, AWAITING_AGENT, WITH_AGENT, CLOSED) restored
 * from the store for every message or staff action, fired with one named event, and committed back
 * with a version check. The public face is {@link org.townhall.bot.conversation.Conversations},
 * {@link org.townhall.bot.conversation.InboundMessage}, {@link
 * org.townhall.bot.conversation.ConversationState} and the {@link
 * org.townhall.bot.conversation.ConversationUpdated} event; Spring Statemachine stays behind the
 * package-private {@code ConversationMachine}, so it can be replaced without touching channels.
 */
package org.townhall.bot.conversation;
