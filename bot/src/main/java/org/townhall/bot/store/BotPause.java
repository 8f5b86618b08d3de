package org.townhall.bot.store;

import java.time.Instant;

/**
 * The kill switch: while set, the bot answers nobody and every resident goes to the staff queue.
 *
 * @param reason why (required; shown to staff and audited)
 * @param by who paused it
 * @param since when
 */
public record BotPause(String reason, String by, Instant since) {}
