package org.townhall.bot.store;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How long residents' data is kept.
 *
 * @param conversations a conversation and its transcript are deleted this long after their last
 *     change
 * @param deliveryMarks how long a channel message id is remembered to drop redeliveries
 * @param emptyConversations a conversation in which the resident never wrote (a web chat opened and
 *     left) is deleted this long after its last change instead: it holds nothing worth keeping
 */
@Validated
@ConfigurationProperties("townhall.retention")
public record RetentionProperties(
    @NotNull @DurationMin(seconds = 1) Duration conversations,
    @NotNull @DurationMin(seconds = 1) Duration deliveryMarks,
    @NotNull @DurationMin(seconds = 1) Duration emptyConversations) {}
