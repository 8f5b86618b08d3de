package org.townhall.bot.console;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.townhall.bot.web.ApiException;
import org.townhall.nlp.content.IntentFileWriter;
import org.townhall.nlp.content.Review;

/**
 * An answer's review as its form sends it, checked field by field: the editor is told which field
 * and why ("answer.review.by: …"), in the form, rather than as a problem in the draft's file.
 */
final class ReviewForms {

  private ReviewForms() {}

  /** The review the form describes, or null when it sets none of its fields. */
  static Review review(ContentApiController.ReviewForm form) {
    if (form == null) {
      return null;
    }
    String owner = blankAsNull(form.owner());
    String by = blankAsNull(form.by());
    String source = blankAsNull(form.source());
    List<String> problems = new ArrayList<>();
    if (owner != null && !IntentFileWriter.teams().contains(owner)) {
      problems.add("answer.review.owner: '" + owner + "' is not a team (choose one of the teams, or leave it for the "
          + "topic's own)");
    }
    LocalDate date = by == null ? null : IntentFileWriter.reviewDate(by).orElse(null);
    if (by != null && date == null) {
      problems.add("answer.review.by: '" + by + "' is not a date written year-month-day, e.g. 2027-03-31");
    }
    if (source != null && !IntentFileWriter.isSourcePage(source)) {
      problems.add("answer.review.source: must be the full https address of the council's page, e.g. "
          + "https://www.example.gov.uk/bins");
    }
    if (!problems.isEmpty()) {
      throw ApiException.badRequest(String.join("; ", problems) + ".");
    }
    if (owner == null && date == null && source == null) {
      return null;
    }
    return new Review(owner, date, source);
  }

  private static String blankAsNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
