package org.townhall.bot.conversation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a conversation went through, for finding it later: its topic, the teams it was handed to, the
 * staff who had it and the wrap-up codes it was closed with. The live record forgets these (a close
 * drops the ticket and the owner; starting over drops the dialogue), so every commit carries them
 * over into the next version of the record: they last as long as the conversation, and no longer.
 *
 * @param topic the latest topic the conversation was about (an intent id), or null
 * @param teams every team it was handed or transferred to, sorted
 * @param staff every member of staff (user name) who had it, sorted
 * @param outcomes every wrap-up code it was closed with, sorted
 */
public record HandlingHistory(String topic, List<String> teams, List<String> staff, List<String> outcomes) {

  // Bounded, however often a conversation is reopened and passed around: it travels with every read.
  private static final int KEPT = 20;

  private static final String TOPIC = "history.topic";
  private static final String TEAMS = "history.teams";
  private static final String STAFF = "history.staff";
  private static final String OUTCOMES = "history.outcomes";

  public HandlingHistory {
    teams = List.copyOf(teams);
    staff = List.copyOf(staff);
    outcomes = List.copyOf(outcomes);
  }

  /** The history as the record carries it. */
  public static HandlingHistory of(ConversationRecord conversation) {
    Map<String, String> attributes = conversation.attributes();
    String topic = Understood.topicOf(conversation);
    return new HandlingHistory(topic != null ? topic : attributes.get(TOPIC), words(attributes.get(TEAMS)),
        words(attributes.get(STAFF)), words(attributes.get(OUTCOMES)));
  }

  /** Whether it was ever any of these teams' (handed, transferred or taken over). */
  public boolean reachedAnyOf(java.util.Collection<String> wanted) {
    return teams.stream().anyMatch(wanted::contains);
  }

  /**
   * {@code next} with the history of {@code before} (null for a new conversation) and what
   * {@code next} itself adds: its ticket's team, its owner, its wrap-up code and its topic. Names
   * joined with spaces: teams, user names and wrap-up codes never hold one.
   */
  static ConversationRecord carriedOver(ConversationRecord before, ConversationRecord next) {
    Map<String, String> was = before == null ? Map.of() : before.attributes();
    Map<String, String> attributes = new HashMap<>(next.attributes());
    String topic = Understood.topicOf(next);
    put(attributes, TOPIC, topic != null ? topic : was.getOrDefault(TOPIC, attributes.get(TOPIC)));
    put(attributes, TEAMS, joined(was.get(TEAMS), next.handoff() == null ? null : next.handoff().team()));
    put(attributes, STAFF, joined(was.get(STAFF), next.owner()));
    put(attributes, OUTCOMES, joined(was.get(OUTCOMES), attributes.get(Attributes.WRAP_UP)));
    return next.withAttributes(attributes);
  }

  private static void put(Map<String, String> attributes, String key, String value) {
    if (value == null || value.isEmpty()) {
      attributes.remove(key);
    } else {
      attributes.put(key, value);
    }
  }

  private static String joined(String kept, String added) {
    TreeSet<String> all = new TreeSet<>(words(kept));
    if (added != null && !added.isBlank() && all.size() < KEPT) {
      all.add(added.strip());
    }
    return String.join(" ", all);
  }

  private static List<String> words(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.strip().split(" +"));
  }
}
