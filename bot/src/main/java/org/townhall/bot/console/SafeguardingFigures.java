package org.townhall.bot.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.SafeguardingConcerns;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.store.SafeguardingEvent;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * The figures the council's safeguarding lead asks for (ADMIN only, like the rest of
 * {@code /api/console/admin}): per category, how many concerns were raised and how, and how soon
 * staff first replied. From the safeguarding events; no message text, no resident identity.
 */
@RestController
@RequestMapping("/api/console/admin")
class SafeguardingFigures {

  private static final int MAX_DAYS = 366;

  private final StaffStore staff;
  private final SafeguardingConcerns concerns;
  private final Clock clock;

  SafeguardingFigures(StaffStore staff, SafeguardingConcerns concerns, Clock clock) {
    this.staff = staff;
    this.concerns = concerns;
    this.clock = clock;
  }

  /**
   * @param handoffs raised with the bot and handed to a person
   * @param signposted hazards with the bot: the help only (gas, fire, flood, a crime now)
   * @param raisedAgain disclosed while waiting for or with staff
   * @param marked marked by staff
   * @param cleared cleared by staff
   * @param firstResponses how many first staff replies were measured
   * @param firstResponseMedianSeconds their median, or null with none
   * @param firstResponseP90Seconds their 90th percentile, or null with none
   */
  record CategoryFigures(String category, String title, int handoffs, int signposted, int raisedAgain, int marked,
      int cleared, int firstResponses, Long firstResponseMedianSeconds, Long firstResponseP90Seconds) {}

  record Figures(Instant since, Instant until, int concerns, List<CategoryFigures> categories) {}

  @GetMapping("/safeguarding")
  Figures figures(@RequestParam(defaultValue = "30") int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.badRequest("days must be between 1 and " + MAX_DAYS + ".");
    }
    Instant until = clock.instant();
    Instant since = until.minus(Duration.ofDays(days));
    Map<String, List<SafeguardingEvent>> byCategory = new TreeMap<>();
    for (Disclosure d : concerns.categories()) {
      byCategory.put(d.category(), new ArrayList<>());
    }
    for (SafeguardingEvent e : staff.safeguardingEvents(StaffStore.SAFEGUARDING_KEPT)) {
      if (!e.at().isBefore(since)) {
        byCategory.computeIfAbsent(e.category(), k -> new ArrayList<>()).add(e);
      }
    }
    List<CategoryFigures> rows = new ArrayList<>();
    byCategory.forEach((category, events) -> rows.add(row(category, events)));
    int total = rows.stream().mapToInt(r -> r.handoffs() + r.signposted() + r.marked()).sum();
    return new Figures(since, until, total, rows);
  }

  private CategoryFigures row(String category, List<SafeguardingEvent> events) {
    List<Long> seconds = events.stream().filter(e -> e.kind().equals("first_response") && e.seconds() != null)
        .map(SafeguardingEvent::seconds).sorted().toList();
    String title = concerns.categories().stream().filter(d -> d.category().equals(category)).map(Disclosure::title)
        .findFirst().orElse(category);
    return new CategoryFigures(category, title, count(events, "handoff"), count(events, "signposted"),
        count(events, "raised_again"), count(events, "marked"), count(events, "cleared"), seconds.size(),
        percentile(seconds, 0.5), percentile(seconds, 0.9));
  }

  private static int count(List<SafeguardingEvent> events, String kind) {
    return (int) events.stream().filter(e -> e.kind().equals(kind)).count();
  }

  /** Nearest-rank percentile of sorted values, or null with none. */
  static Long percentile(List<Long> sorted, double p) {
    if (sorted.isEmpty()) {
      return null;
    }
    return sorted.get(Math.max(0, (int) Math.ceil(p * sorted.size()) - 1));
  }
}
