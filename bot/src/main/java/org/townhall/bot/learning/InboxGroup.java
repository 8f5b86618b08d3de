package org.townhall.bot.learning;

import java.time.Instant;
import java.util.List;

/**
 * Like messages in the inbox, decided together.
 *
 * @param groupKey what names the group in a decision
 * @param count how many open messages it has
 * @param example one of them, redacted
 * @param texts its distinct messages, redacted (what would become training phrases), at most {@value Inbox#TEXTS_SHOWN}
 * @param reasons what happened to them, in words
 * @param guesses what the bot thought they were, best first
 * @param pickedByResidents the choices residents picked when the bot offered some
 * @param recordedByStaff the topics staff recorded when closing
 * @param channels where they were written
 * @param lastAt when one last came up
 * @param markedByStaff the safeguarding categories staff marked on their conversations when the check had
 *     raised none: one of these messages may be a disclosure the check missed
 */
public record InboxGroup(String groupKey, int count, String example, List<String> texts, List<String> reasons,
    List<Topic> guesses, List<Topic> pickedByResidents, List<Topic> recordedByStaff, List<String> channels,
    Instant lastAt, List<Topic> markedByStaff) {

  /**
   * An intent as editors see it.
   *
   * @param intent its id
   * @param title its title in the live content (the id when it has none any more)
   * @param confidence for a guess, the bot's highest confidence in it across the group; otherwise null
   */
  public record Topic(String intent, String title, Double confidence) {}
}
