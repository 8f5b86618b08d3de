package org.townhall.bot.console;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.store.StaffStore;

/**
 * Presence (available / away) and the per-person limit of conversations at once. Both are checked
 * before a claim, under the person's own lock (see {@code Conversations.oneAtATimeFor}); the limit
 * counts the shared queue, so it holds across instances.
 */
@Component
class StaffAvailability {

  static final String AVAILABLE = "available";
  static final String AWAY = "away";
  static final Set<String> PRESENCES = Set.of(AVAILABLE, AWAY);

  private final StaffStore store;
  private final Conversations conversations;
  private final ConsoleProperties properties;

  StaffAvailability(StaffStore store, Conversations conversations, ConsoleProperties properties) {
    this.store = store;
    this.conversations = conversations;
    this.properties = properties;
  }

  String presence(String username) {
    return store.presence().getOrDefault(username, AVAILABLE);
  }

  void set(String username, String presence) {
    store.setPresence(username, presence);
  }

  long conversationsOf(String username) {
    return conversations.handoffQueue().stream().filter(c -> username.equals(c.owner())).count();
  }

  /** Why this person may not claim another conversation now, if they may not. */
  Optional<String> refusalToClaim(String username) {
    if (AWAY.equals(presence(username))) {
      return Optional.of("You are set to away. Set yourself available to claim conversations.");
    }
    int limit = properties.maxConversationsPerAgent();
    if (conversationsOf(username) >= limit) {
      return Optional.of("You already have " + limit + " conversations, the most you can have at once. "
          + "Close one or hand it back first.");
    }
    return Optional.empty();
  }
}
