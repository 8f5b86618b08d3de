package org.townhall.bot.nlu;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Confidence thresholds. Unset values fall back to the content pack's defaults, which are tuned on
 * validation data.
 *
 * @param answerThreshold answer at or above this confidence
 * @param clarifyThreshold offer choices at or above this confidence; below it, say so and offer a
 *     person
 */
@ConfigurationProperties("townhall.nlu")
record NluProperties(Double answerThreshold, Double clarifyThreshold) {}
