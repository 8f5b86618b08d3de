package org.townhall.bot.store;

import java.time.Instant;

/**
 * One safeguarding fact, for the council's safeguarding lead: never a message's text or who the
 * resident is, only the conversation's opaque id.
 *
 * @param at when
 * @param conversationId the conversation
 * @param channel where the resident wrote, e.g. {@code webchat}
 * @param category the safeguarding category
 * @param kind {@code handoff} (raised with the bot, handed to a person), {@code signposted} (a hazard
 *     with the bot: the help only), {@code raised_again} (while waiting or with staff), {@code marked}
 *     and {@code cleared} (by staff), {@code first_response} (staff's first reply after it was raised)
 * @param seconds for {@code first_response}, the seconds from raised to that reply; otherwise null
 */
public record SafeguardingEvent(Instant at, String conversationId, String channel, String category, String kind,
    Long seconds) {}
