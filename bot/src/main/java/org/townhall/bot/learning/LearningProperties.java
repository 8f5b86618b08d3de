package org.townhall.bot.learning;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The editors' inbox.
 *
 * @param retention an inbox message (redacted) is deleted this long after it last came up, decided or not
 * @param decisionsKept an editor's decision on a group (no message text, the group's word stems) is
 *     kept this long, so that like messages are not asked about again
 * @param maxItems at most this many open messages are kept; beyond it the oldest go first
 */
@Validated
@ConfigurationProperties("townhall.learning")
public record LearningProperties(
    @NotNull @DurationMin(seconds = 1) Duration retention,
    @NotNull @DurationMin(seconds = 1) Duration decisionsKept,
    @Min(1) @Max(100_000) int maxItems) {}
