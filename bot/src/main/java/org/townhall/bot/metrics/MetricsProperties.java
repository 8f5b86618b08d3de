package org.townhall.bot.metrics;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The bot's own metrics.
 *
 * @param queueRefresh the handoff queue gauges are read from the store at most this often, however
 *     often they are scraped (one read of the whole queue per refresh)
 */
@Validated
@ConfigurationProperties("townhall.metrics")
record MetricsProperties(@NotNull @DurationMin(millis = 0) Duration queueRefresh) {}
