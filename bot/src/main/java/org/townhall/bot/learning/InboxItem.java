package org.townhall.bot.learning;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.townhall.bot.conversation.Guess;

/**
 * One resident message in the inbox, as kept: its redacted words only, never what the resident wrote.
 *
 * @param id the conversation id and the message's seq ({@code <conversation>:<seq>}), both made by the server
 * @param text the message, redacted
 * @param groupKey its near-duplicates' shared key (sorted unique word stems)
 * @param reasons what happened to it ({@code ResidentNotServed.Why} names)
 * @param guesses what the bot thought it was, best first
 * @param picked the choice the resident picked, or null
 * @param staffTopic the topic staff recorded when closing, or null
 * @param channel where it was written
 * @param at when it last came up
 * @param concern the safeguarding category staff marked on its conversation when the check had raised
 *     none, or null (kept before this field existed: null)
 */
record InboxItem(String id, String text, String groupKey, Set<String> reasons, List<Guess> guesses, String picked,
    String staffTopic, String channel, Instant at, String concern) {

  InboxItem {
    reasons = new TreeSet<>(reasons);
    guesses = List.copyOf(guesses);
  }
}
