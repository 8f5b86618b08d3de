package org.townhall.bot.handoff;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultHandlingTime how long a conversation with staff is assumed to take before any has
 *     been measured, for residents' wait estimates
 */
@Validated
@ConfigurationProperties("townhall.handoff.estimates")
record EstimateProperties(@NotNull @DurationMin(seconds = 1) Duration defaultHandlingTime) {}
