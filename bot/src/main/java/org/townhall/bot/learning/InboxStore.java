package org.townhall.bot.learning;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where the inbox is kept: in memory (the default) or in Redis. Items expire after {@code
 * townhall.learning.retention} and at most {@code max-items} are kept (oldest out first); decisions
 * expire after {@code decisions-kept}.
 */
interface InboxStore {

  Optional<InboxItem> find(String id);

  void put(InboxItem item);

  /** The open items, up to the bound. */
  List<InboxItem> all();

  void remove(Collection<String> ids);

  /** The ids of every item kept, including ones whose text already expired (an index can outlive them). */
  List<String> ids();

  Optional<InboxDecision> decision(String groupKey);

  void putDecision(InboxDecision decision);
}
