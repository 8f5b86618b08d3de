package org.townhall.bot.store;

import java.time.Instant;

/**
 * One answer to the satisfaction question after staff closed a conversation, for the figures: never
 * who the resident is or which conversation it was.
 *
 * @param at when
 * @param channel where the resident wrote, e.g. {@code webchat}
 * @param team the team that had the conversation
 * @param rating 1 to 5, or null for a comment
 * @param comment the resident's comment with personal data taken out, or null for a rating
 */
public record SatisfactionEvent(Instant at, String channel, String team, Integer rating, String comment) {

  public static SatisfactionEvent rating(Instant at, String channel, String team, int rating) {
    return new SatisfactionEvent(at, channel, team, rating, null);
  }

  public static SatisfactionEvent comment(Instant at, String channel, String team, String comment) {
    return new SatisfactionEvent(at, channel, team, null, comment);
  }
}
