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
import org.townhall.bot.store.SatisfactionEvent;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * What residents said when asked after staff closed their conversation (ADMIN only, like the rest of
 * {@code /api/console/admin}): how many answered, the mean and spread of the 1–5 ratings, the same by
 * team, and the latest comments, redacted. From the satisfaction answers, which name no resident and
 * no conversation.
 */
@RestController
@RequestMapping("/api/console/admin")
class SatisfactionFigures {

  private static final int MAX_DAYS = 366;
  /** The latest comments shown; the count covers them all. */
  private static final int COMMENTS_SHOWN = 20;

  private final StaffStore staff;
  private final Clock clock;

  SatisfactionFigures(StaffStore staff, Clock clock) {
    this.staff = staff;
    this.clock = clock;
  }

  /**
   * @param rating 1 to 5
   * @param count how many answers gave it
   */
  record Share(int rating, int count) {}

  /**
   * @param ratings how many ratings
   * @param mean their mean, to two places, or null with none
   * @param distribution how many gave each of 1 to 5, in that order (every rating, even at 0)
   */
  record Ratings(int ratings, Double mean, List<Share> distribution) {

    static Ratings of(List<Integer> values) {
      int[] counts = new int[6];
      values.forEach(v -> counts[v]++);
      List<Share> shares = new ArrayList<>();
      for (int r = 1; r <= 5; r++) {
        shares.add(new Share(r, counts[r]));
      }
      Double mean = values.isEmpty() ? null
          : Math.round(values.stream().mapToInt(Integer::intValue).average().orElseThrow() * 100) / 100.0;
      return new Ratings(values.size(), mean, shares);
    }
  }

  record TeamFigures(String team, int ratings, Double mean, List<Share> distribution, int comments) {}

  record Comment(Instant at, String team, String channel, String text) {}

  /**
   * @param comments how many comments in the period
   * @param latestComments the newest of them (at most 20), redacted as they were stored
   */
  record Figures(Instant since, Instant until, int ratings, Double mean, List<Share> distribution,
      List<TeamFigures> teams, int comments, List<Comment> latestComments) {}

  @GetMapping("/satisfaction")
  Figures figures(@RequestParam(defaultValue = "30") int days) {
    if (days < 1 || days > MAX_DAYS) {
      throw ApiException.badRequest("days must be between 1 and " + MAX_DAYS + ".");
    }
    Instant until = clock.instant();
    Instant since = until.minus(Duration.ofDays(days));
    List<SatisfactionEvent> events = staff.satisfactionEvents(StaffStore.SATISFACTION_KEPT).stream()
        .filter(e -> !e.at().isBefore(since)).toList();
    Map<String, List<SatisfactionEvent>> byTeam = new TreeMap<>();
    events.forEach(e -> byTeam.computeIfAbsent(e.team() == null ? "unknown" : e.team(), k -> new ArrayList<>()).add(e));
    List<TeamFigures> teams = new ArrayList<>();
    byTeam.forEach((team, list) -> {
      Ratings r = Ratings.of(ratings(list));
      teams.add(new TeamFigures(team, r.ratings(), r.mean(), r.distribution(), comments(list).size()));
    });
    Ratings all = Ratings.of(ratings(events));
    List<SatisfactionEvent> comments = comments(events);
    return new Figures(since, until, all.ratings(), all.mean(), all.distribution(), teams, comments.size(),
        comments.stream().limit(COMMENTS_SHOWN).map(e -> new Comment(e.at(), e.team(), e.channel(), e.comment()))
            .toList());
  }

  private static List<Integer> ratings(List<SatisfactionEvent> events) {
    return events.stream().map(SatisfactionEvent::rating)
        .filter(r -> r != null && r >= 1 && r <= 5).toList();
  }

  private static List<SatisfactionEvent> comments(List<SatisfactionEvent> events) {
    return events.stream().filter(e -> e.comment() != null).toList();
  }
}
