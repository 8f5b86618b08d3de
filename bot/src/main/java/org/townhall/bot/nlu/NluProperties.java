package org.townhall.bot.nlu;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Confidence thresholds. Unset values fall back to the content pack's defaults, which are tuned on
 * validation data.
 *
 * @param answerThreshold answer at or above this confidence
 * @param clarifyThreshold offer choices at or above this confidence; below it, say so and offer a
 *     person
 */
@Validated
@ConfigurationProperties("townhall.nlu")
record NluProperties(
    @DecimalMin("0.0") @DecimalMax("1.0") Double answerThreshold,
    @DecimalMin("0.0") @DecimalMax("1.0") Double clarifyThreshold) {}
