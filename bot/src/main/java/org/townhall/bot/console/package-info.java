/**
 * The staff console's HTTP API under {@code /api/console}: the handoff queue, a conversation's
 * full context, and the staff actions (claim, reply, hand back, close). The console's pages (module
 * {@code handoff-console}) are a client of this API and nothing else.
 */
package org.townhall.bot.console;
