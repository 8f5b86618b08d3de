package org.townhall.bot.content;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.OptionalInt;
import org.springframework.stereotype.Service;

/**
 * The answers due for review: overdue, due soon, or never given a review-by date. Read from the
 * editors' draft, not the live version, so an answer an editor has just marked reviewed (a new date
 * in its form) leaves the list at once, before anyone publishes.
 */
@Service
public class ContentReviews {

  /** Where an answer stands; in this order on the list. */
  public enum Status {
    OVERDUE("overdue"), DUE("due"), NO_DATE("no date");

    private final String words;

    Status(String words) {
      this.words = words;
    }

    @JsonValue
    public String words() {
      return words;
    }
  }

  /**
   * One answer to review.
   *
   * @param owner the team that reviews it (the intent's own team unless the review names another)
   * @param by its review-by date, or null when it has none
   * @param source the page it is based on, or null
   * @param days days from today to {@code by}: negative when overdue, null with no date
   */
  public record DueReview(String intent, String title, String owner, LocalDate by, String source, Status status,
      Long days) {}

  /**
   * The list, and what it was made from.
   *
   * @param from always "draft": the editors' draft (the live version's content while there is none)
   * @param today the council's date the list was made on
   * @param within how many days ahead "due" reaches
   */
  public record Reviews(String from, LocalDate today, int within, List<DueReview> answers) {}

  private final ContentDrafts drafts;
  private final ContentProperties settings;
  private final Clock clock;

  ContentReviews(ContentDrafts drafts, ContentProperties settings, Clock clock) {
    this.drafts = drafts;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The draft's answers due for review today in the council's {@code zone}, within {@code within} days
   * or the configured default.
   *
   * @throws ContentRefusedException with the problems, while the draft cannot be read
   */
  public Reviews due(ZoneId zone, OptionalInt within) {
    return ReviewList.reviews(drafts.draftPack(), clock, zone, within.orElse(settings.reviewWithinDays()));
  }
}
