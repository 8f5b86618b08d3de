package org.townhall.bot.content;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.Review;

/** Which of a pack's answers need a look, on a given day: a pure rule, so it is tested on any date. */
final class ReviewList {

  private ReviewList() {}

  /** The list made now by {@code clock}, on the council's date in {@code zone}. */
  static ContentReviews.Reviews reviews(ContentPack pack, Clock clock, ZoneId zone, int within) {
    // The council's day, not the server's: just after midnight in summer London is still yesterday in UTC.
    LocalDate today = LocalDate.now(clock.withZone(zone));
    return new ContentReviews.Reviews("draft", today, within, of(pack, today, within));
  }

  /**
   * The answers overdue, due within {@code within} days of {@code today}, or with no review-by date:
   * overdue first (the longest overdue at the top), then the soonest due, then those with no date.
   */
  static List<ContentReviews.DueReview> of(ContentPack pack, LocalDate today, int within) {
    LocalDate horizon = today.plusDays(within);
    return pack.intents().stream()
        .map(intent -> entry(intent, today))
        .filter(e -> e.by() == null || !e.by().isAfter(horizon))
        .sorted(Comparator.comparingInt((ContentReviews.DueReview e) -> e.status().ordinal())
            .thenComparing(ContentReviews.DueReview::by, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ContentReviews.DueReview::title))
        .toList();
  }

  private static ContentReviews.DueReview entry(IntentDefinition intent, LocalDate today) {
    Review review = intent.answer().review();
    LocalDate by = review == null ? null : review.by();
    String owner = review == null ? intent.team() : review.ownerOr(intent.team());
    String source = review == null ? null : review.source();
    ContentReviews.Status status = by == null ? ContentReviews.Status.NO_DATE
        : by.isBefore(today) ? ContentReviews.Status.OVERDUE : ContentReviews.Status.DUE;
    Long days = by == null ? null : ChronoUnit.DAYS.between(today, by);
    return new ContentReviews.DueReview(intent.id(), intent.title(), owner, by, source, status, days);
  }
}
