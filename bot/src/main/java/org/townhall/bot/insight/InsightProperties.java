package org.townhall.bot.insight;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Insight for managers.
 *
 * @param enabled whether conversations are counted at all (off: the figures stay as they were)
 * @param retention a day's counters are deleted this long after the day
 * @param repeatWindow a resident asking about the same topic again within this long is a repeat
 *     contact; the hashed mark that tells it lasts this long
 * @param maxPeriodDays the longest period the figures can be asked for, in days
 */
@Validated
@ConfigurationProperties("townhall.insight")
record InsightProperties(
    boolean enabled,
    @NotNull @DurationMin(days = 1) Duration retention,
    @NotNull @DurationMin(hours = 1) Duration repeatWindow,
    @Min(1) @Max(3660) int maxPeriodDays) {}
