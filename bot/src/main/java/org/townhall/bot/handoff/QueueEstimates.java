package org.townhall.bot.handoff;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.StaffStore;

/**
 * Where a waiting resident is in their team's queue, and roughly how long they will wait: the people
 * ahead of them (and they themselves) times the recent average handling time, shared among the staff
 * who are available. A rough guide for the resident, never a promise.
 */
@Component
public class QueueEstimates {

  private static final Duration QUEUE_REUSE = Duration.ofSeconds(1);
  private static final String AVAILABLE = "available";

  /**
   * @param position 1 for the next to be taken in their team's queue
   * @param estimatedMinutes a rough wait, at least 1; null when no estimate would be honest: the
   *     contact centre is closed, or everyone who said where they are is away
   */
  public record Estimate(int position, Long estimatedMinutes) {}

  private record Cached(Instant readAt, List<HandoffQueue.Place> queue) {}

  private final HandoffQueue conversations;
  private final StaffStore staff;
  private final EstimateProperties properties;
  private final Clock clock;
  private final OfficeHours officeHours;
  // Every waiting resident's page asks every 1.5 s: read the shared queue at most once a second.
  private volatile Cached cached = new Cached(Instant.EPOCH, List.of());

  QueueEstimates(HandoffQueue conversations, StaffStore staff, EstimateProperties properties, Clock clock,
      OfficeHours officeHours) {
    this.officeHours = officeHours;
    this.conversations = conversations;
    this.staff = staff;
    this.properties = properties;
    this.clock = clock;
  }

  /** The estimate for a conversation waiting unclaimed in the queue; empty otherwise. */
  public Optional<Estimate> of(String conversationId) {
    List<HandoffQueue.Place> queue = queue();
    HandoffQueue.Place waiting = queue.stream().filter(c -> c.conversationId().equals(conversationId)).findFirst().orElse(null);
    if (waiting == null || waiting.owner() != null) {
      return Optional.empty();
    }
    int position = 1;
    for (HandoffQueue.Place c : queue) {
      if (c.conversationId().equals(conversationId)) {
        break;
      }
      if (c.owner() == null && c.ticket().team().equals(waiting.ticket().team())) {
        position++;
      }
    }
    var presence = staff.presence();
    long available = presence.values().stream().filter(AVAILABLE::equals).count();
    if (!officeHours.isOpen(clock.instant()) || (!presence.isEmpty() && available == 0)) {
      return Optional.of(new Estimate(position, null));
    }
    // Nobody has said where they are yet (presence starts unset): assume one person.
    double seconds = position * handlingTime().toSeconds() / (double) Math.max(1, available);
    return Optional.of(new Estimate(position, Math.max(1, (long) Math.ceil(seconds / 60))));
  }

  /** The recent average handling time, or the configured default before there is any. */
  Duration handlingTime() {
    List<Duration> recent = staff.recentHandlingTimes();
    if (recent.isEmpty()) {
      return properties.defaultHandlingTime();
    }
    return Duration.ofSeconds((long) recent.stream().mapToLong(Duration::toSeconds).average().orElse(0));
  }

  private List<HandoffQueue.Place> queue() {
    Instant now = clock.instant();
    Cached current = cached;
    if (current.readAt().plus(QUEUE_REUSE).isAfter(now)) {
      return current.queue();
    }
    List<HandoffQueue.Place> queue = conversations.places();
    cached = new Cached(now, queue);
    return queue;
  }
}
