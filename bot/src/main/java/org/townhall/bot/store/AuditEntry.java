package org.townhall.bot.store;

import java.time.Instant;

/**
 * One staff action, for the audit log.
 *
 * @param at when
 * @param actor the member of staff's user name
 * @param action what they did, e.g. {@code claim}, {@code reply}, {@code view}, {@code pause}
 * @param conversationId the conversation it concerned, or null (e.g. pausing the bot); once the
 *     conversation is erased, its reference ({@code TH-1A2B3C4D}) instead
 * @param detail a short, non-personal detail (a team, a wrap-up code, a pause reason), or null;
 *     never a resident's or a reply's text
 */
public record AuditEntry(Instant at, String actor, String action, String conversationId, String detail) {}
