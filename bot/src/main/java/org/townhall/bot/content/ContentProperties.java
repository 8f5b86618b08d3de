package org.townhall.bot.content;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where the council's content comes from.
 *
 * @param packDir a content pack folder; when null, the built-in demo council pack
 * @param modelCache where models trained from the pack are kept between starts (keyed by a hash of
 *     what they were trained on); when null, every start trains them again
 * @param followEvery how often each instance looks for a version published on another instance
 * @param gate what a draft whose phrases changed must show before it is published
 * @param reviewWithinDays how far ahead the editors' review list looks for answers due, by default
 */
@Validated
@ConfigurationProperties("townhall.content")
record ContentProperties(Path packDir, Path modelCache, @NotNull @DurationMin(millis = 100) Duration followEvery,
    @NotNull @Valid Gate gate, @Min(0) @Max(ContentProperties.MAX_REVIEW_WITHIN_DAYS) int reviewWithinDays) {

  /** The furthest ahead the review list looks: a year, so a whole round of yearly reviews shows at once. */
  static final int MAX_REVIEW_WITHIN_DAYS = 366;

  /**
   * @param folds cross-validation folds for the draft and the live version
   * @param maxDrop the largest fall in overall cross-validated accuracy, and in accuracy on each of the
   *     pack's test files, that publishes without an administrator's override (0.01 = one point)
   * @param maxIntentDrop the largest fall in one topic's cross-validated recall likewise
   */
  record Gate(@Min(2) @Max(20) int folds, @DecimalMin("0") @DecimalMax("1") double maxDrop,
      @DecimalMin("0") @DecimalMax("1") double maxIntentDrop) {}
}
