package org.townhall.bot.conversation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff's search of past and current conversations.
 *
 * @param scanLimit the most conversations one request looks at (the latest changed first, within the
 *     dates asked for); past it the page ends early, saying so, and the next page goes on from there
 */
@Validated
@ConfigurationProperties("townhall.search")
record SearchProperties(@Min(100) @Max(1_000_000) int scanLimit) {}
