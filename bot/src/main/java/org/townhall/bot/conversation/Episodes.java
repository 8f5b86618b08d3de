package org.townhall.bot.conversation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One contact in a conversation, from the resident's first message (after the start, or after a
 * close) to the close: when it started, whether it went to the queue and whether a person had it.
 * The figures need these to tell a contained contact from an escalated one, and a resident who left
 * the queue from one a person served; the live record forgets both (a cancel drops the ticket, a
 * release the owner), so every commit carries them over until the contact closes.
 */
final class Episodes {

  static final String STARTED_AT = "episode.startedAt";
  static final String QUEUED = "episode.queued";
  static final String PERSON = "episode.person";

  private Episodes() {}

  /** {@code next} with the contact's marks from {@code before} (null: new) and what {@code next} adds. */
  static ConversationRecord carriedOver(ConversationRecord before, ConversationRecord next,
      List<TranscriptEntry> entries) {
    if (next.state() == ConversationState.CLOSED) {
      if (!next.attributes().containsKey(STARTED_AT) && !next.attributes().containsKey(QUEUED)
          && !next.attributes().containsKey(PERSON)) {
        return next;
      }
      Map<String, String> attributes = new HashMap<>(next.attributes());
      attributes.keySet().removeAll(List.of(STARTED_AT, QUEUED, PERSON));
      return next.withAttributes(attributes);
    }
    Map<String, String> was = before == null || before.state() == ConversationState.CLOSED ? Map.of()
        : before.attributes();
    Map<String, String> attributes = new HashMap<>(next.attributes());
    for (String key : List.of(STARTED_AT, QUEUED, PERSON)) {
      if (was.containsKey(key)) {
        attributes.put(key, was.get(key));
      }
    }
    if (!attributes.containsKey(STARTED_AT)) {
      entries.stream().filter(TranscriptEntry::fromResident).findFirst()
          .ifPresent(line -> attributes.put(STARTED_AT, line.at().toString()));
    }
    if (next.handoff() != null) {
      attributes.put(QUEUED, "yes");
    }
    if (next.owner() != null) {
      attributes.put(PERSON, "yes");
    }
    return attributes.equals(next.attributes()) ? next : next.withAttributes(attributes);
  }
}
