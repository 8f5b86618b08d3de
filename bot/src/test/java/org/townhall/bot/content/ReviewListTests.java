package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.townhall.nlp.content.Answer;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.IntentFileWriter;
import org.townhall.nlp.content.PackArchive;

/** The "Due for review" list of the built-in pack on fixed days (its reviews are dated 2026-12-20 to 2027-11-30). */
class ReviewListTests {

  private static final ZoneId LONDON = ZoneId.of("Europe/London");

  /** Half an hour before midnight UTC on 30 April 2027: already 1 May in London (summer time). */
  private static final Clock MAY_DAY_IN_LONDON = Clock.fixed(Instant.parse("2027-04-30T23:30:00Z"), ZoneOffset.UTC);

  private static final List<String> CHRISTMAS = List.of("bin_collection_day", "contact_opening_hours",
      "recycling_centre");

  @Test
  void overdueAnswersComeFirstTheLongestOverdueAtTheTopThenTheSoonestDue() {
    ContentReviews.Reviews reviews = ReviewList.reviews(ContentReviewsFixture.BUILT_IN, MAY_DAY_IN_LONDON, LONDON, 30);

    assertThat(reviews.today()).isEqualTo(LocalDate.of(2027, 5, 1));
    assertThat(reviews.from()).isEqualTo("draft");
    List<ContentReviews.DueReview> answers = reviews.answers();
    assertThat(answers.subList(0, 3)).extracting(ContentReviews.DueReview::intent)
        .containsExactlyInAnyOrderElementsOf(CHRISTMAS);
    assertThat(answers.get(0).status()).isEqualTo(ContentReviews.Status.OVERDUE);
    assertThat(answers.get(0).by()).isEqualTo(LocalDate.of(2026, 12, 20));
    assertThat(answers.get(0).days()).isEqualTo(-132L);
    assertThat(answers.get(3).intent()).isEqualTo("winter_gritting");
    assertThat(answers).extracting(ContentReviews.DueReview::by).isSorted();
    // In London it is 1 May, so the waste answers dated 30 April are overdue, not due today.
    assertThat(answers).filteredOn(a -> a.intent().equals("missed_bin")).singleElement()
        .satisfies(a -> assertThat(a.status()).isEqualTo(ContentReviews.Status.OVERDUE));
    List<ContentReviews.DueReview> due = answers.stream().filter(a -> a.status() == ContentReviews.Status.DUE).toList();
    assertThat(due).extracting(ContentReviews.DueReview::intent)
        .containsExactly("flooding_drains", "report_pothole", "streetlight_fault");
    assertThat(due.get(0).owner()).isEqualTo("highways");
    assertThat(due.get(0).days()).isEqualTo(27L);
    assertThat(due.get(0).source()).isEqualTo("https://www.example.gov.uk/roads/flooding-and-drains");
    assertThat(answers).extracting(ContentReviews.DueReview::intent)
        .doesNotContain("abandoned_vehicle", "library_services");
  }

  @Test
  void beforeChristmasOnlyTheChristmasAnswersAreDue() {
    Clock december = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    List<ContentReviews.DueReview> answers = ReviewList.reviews(ContentReviewsFixture.BUILT_IN, december, LONDON, 30)
        .answers();

    assertThat(answers).extracting(ContentReviews.DueReview::intent).containsExactlyInAnyOrderElementsOf(CHRISTMAS);
    assertThat(answers).allSatisfy(a -> {
      assertThat(a.status()).isEqualTo(ContentReviews.Status.DUE);
      assertThat(a.days()).isEqualTo(17L);
    });
    assertThat(ReviewList.reviews(ContentReviewsFixture.BUILT_IN, december, LONDON, 16).answers()).isEmpty();
  }

  @Test
  void anAnswerWithNoReviewByDateIsListedLastWhateverTheDay() {
    IntentDefinition pothole = ContentReviewsFixture.BUILT_IN.intentsById().get("report_pothole");
    Answer undated = new Answer(pothole.answer().text(), pothole.answer().link(), pothole.answer().options());
    ContentPack pack = PackArchive.builtIn().with(IntentFileWriter.path("report_pothole"), IntentFileWriter.write(
            new IntentDefinition(pothole.id(), pothole.title(), pothole.team(), pothole.urgent(), pothole.handoff(),
                pothole.slots(), undated, pothole.phrases())).getBytes(StandardCharsets.UTF_8))
        .read();

    List<ContentReviews.DueReview> answers = ReviewList.reviews(pack, MAY_DAY_IN_LONDON, LONDON, 30).answers();

    ContentReviews.DueReview last = answers.get(answers.size() - 1);
    assertThat(last.intent()).isEqualTo("report_pothole");
    assertThat(last.status()).isEqualTo(ContentReviews.Status.NO_DATE);
    assertThat(last.by()).isNull();
    assertThat(last.days()).isNull();
    assertThat(last.owner()).as("the intent's team").isEqualTo("highways");
    assertThat(ReviewList.reviews(pack, Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC), LONDON, 0)
        .answers()).extracting(ContentReviews.DueReview::intent).containsExactly("report_pothole");
  }

  /** The built-in pack, read once for all the tests. */
  private static final class ContentReviewsFixture {
    static final ContentPack BUILT_IN = ContentPackReader.builtIn();
  }
}
