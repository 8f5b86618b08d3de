package org.townhall.bot.learning;

import java.time.Instant;

/**
 * What an editor decided for a group of like messages.
 *
 * @param groupKey the group
 * @param decision {@code assigned}, {@code out_of_scope} or {@code dismissed}
 * @param intent for {@code assigned}, the intent the messages became training phrases of; else null
 * @param by who decided
 * @param at when
 * @param messages how many messages it covered when decided
 * @param laterMessages how many times like messages came up since (a message not understood and then
 *     handed to a person counts twice), not asked about again
 */
public record InboxDecision(String groupKey, String decision, String intent, String by, Instant at, int messages,
    long laterMessages) {

  InboxDecision later() {
    return new InboxDecision(groupKey, decision, intent, by, at, messages, laterMessages + 1);
  }
}
