package org.townhall.bot.learning;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The inbox in this instance's memory: lost at a restart, like the rest of the embedded store. */
final class InMemoryInboxStore implements InboxStore {

  private final Map<String, InboxItem> items = new ConcurrentHashMap<>();
  private final Map<String, InboxDecision> decisions = new ConcurrentHashMap<>();
  private final Clock clock;
  private final Duration retention;
  private final Duration decisionsKept;
  private final int maxItems;

  InMemoryInboxStore(Clock clock, LearningProperties settings) {
    this.clock = clock;
    this.retention = settings.retention();
    this.decisionsKept = settings.decisionsKept();
    this.maxItems = settings.maxItems();
  }

  @Override
  public Optional<InboxItem> find(String id) {
    return Optional.ofNullable(items.get(id)).filter(this::current);
  }

  @Override
  public synchronized void put(InboxItem item) {
    items.put(item.id(), item);
    items.values().removeIf(i -> !current(i));
    while (items.size() > maxItems) {
      items.values().stream().min(Comparator.comparing(InboxItem::at)).ifPresent(o -> items.remove(o.id()));
    }
  }

  @Override
  public List<InboxItem> all() {
    return items.values().stream().filter(this::current).toList();
  }

  @Override
  public List<String> ids() {
    return List.copyOf(items.keySet());
  }

  @Override
  public void remove(Collection<String> ids) {
    ids.forEach(items::remove);
  }

  @Override
  public Optional<InboxDecision> decision(String groupKey) {
    return Optional.ofNullable(decisions.get(groupKey))
        .filter(d -> d.at().plus(decisionsKept).isAfter(clock.instant()));
  }

  @Override
  public void putDecision(InboxDecision decision) {
    decisions.put(decision.groupKey(), decision);
  }

  private boolean current(InboxItem item) {
    return item.at().plus(retention).isAfter(clock.instant());
  }
}
