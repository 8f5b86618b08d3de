package org.townhall.bot.handoff;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultHandlingTime how long a conversation with staff is assumed to take before any has
 *     been measured, for residents' wait estimates
 */
@ConfigurationProperties("townhall.handoff.estimates")
record EstimateProperties(Duration defaultHandlingTime) {}
