/**
 * The contact centre as the bot sees it: when staff are there to take a handoff (office hours).
 * The queue itself is kept by the store; the staff-facing API is in {@code console}.
 */
package org.townhall.bot.handoff;
