/**
 * Where conversations live: their state, transcript and the handoff queue, behind one
 * {@link org.townhall.bot.store.ConversationStore} interface with an in-memory implementation (the
 * embedded default) and a Redis one (production, several bot instances), chosen by
 * {@code townhall.store}. Every write goes through one atomic, version-checked commit, so a bot reply
 * and a staff claim can never both win, and nothing is ever half-written.
 */
package org.townhall.bot.store;
