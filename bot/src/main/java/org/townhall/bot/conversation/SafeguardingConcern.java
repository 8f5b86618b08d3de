package org.townhall.bot.conversation;

import java.time.Instant;

/**
 * A safeguarding concern raised on a conversation, as staff see it.
 *
 * @param category the category's id, e.g. {@code domestic_abuse}
 * @param title what it is called, e.g. "Domestic abuse"
 * @param raisedBySeq the transcript line (seq) of the resident's message that raised it, or null when
 *     a member of staff marked it
 * @param raisedAt when it was last raised
 * @param raises how many times it was raised on this conversation; a rise is a new alert
 * @param markedBy the member of staff who marked it, or null when the resident's words raised it
 * @param awaitingReplySince since when it waits for staff's first reply, or null
 */
public record SafeguardingConcern(String category, String title, Long raisedBySeq, Instant raisedAt, int raises,
    String markedBy, Instant awaitingReplySince) {}
