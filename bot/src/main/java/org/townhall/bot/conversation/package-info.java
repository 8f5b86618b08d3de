/**
 * Conversations: each one is a state machine (BOT, CLARIFYING, COLLECTING, AWAITING_AGENT,
 * WITH_AGENT, CLOSED) restored for every message or staff action, fired with one named event, and
 * committed back with a version check. The feature owns its types ({@link
 * org.townhall.bot.conversation.ConversationRecord}, {@link
 * org.townhall.bot.conversation.ConversationState}, {@link org.townhall.bot.conversation.TranscriptEntry},
 * {@link org.townhall.bot.conversation.Sender}) and where they are kept (a package-private
 * {@code ConversationStore}, in memory or in Redis through the store's {@code RedisAccess}). The
 * public face is {@link org.townhall.bot.conversation.ResidentMessages}, {@link
 * org.townhall.bot.conversation.StaffActions}, {@link org.townhall.bot.conversation.CallBacks} (details a
 * resident left for a reply after they have gone), {@link org.townhall.bot.conversation.ConversationSweeps},
 * {@link org.townhall.bot.conversation.Erasure} (a resident's data deleted on every store, with the
 * {@link org.townhall.bot.conversation.ConversationErased} event for what other features keep) and
 * {@link org.townhall.bot.conversation.ResidentLookup},
 * {@link org.townhall.bot.conversation.Conversations} (reads, and the typed {@link
 * org.townhall.bot.conversation.Understood} view) and the {@link
 * org.townhall.bot.conversation.ConversationUpdated} event; Spring Statemachine stays behind the
 * package-private {@code ConversationMachine}, so it can be replaced without touching channels.
 */
package org.townhall.bot.conversation;
