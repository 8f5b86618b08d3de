package org.townhall.bot.store;

import java.time.Instant;

/**
 * An internal note on a conversation: staff only, never shown to the resident. Kept apart from the
 * transcript so that no channel can deliver it by mistake.
 */
public record StaffNote(Instant at, String author, String text) {}
