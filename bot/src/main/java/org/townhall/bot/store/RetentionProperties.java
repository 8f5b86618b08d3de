package org.townhall.bot.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long residents' data is kept.
 *
 * @param conversations a conversation and its transcript are deleted this long after their last
 *     change
 * @param deliveryMarks how long a channel message id is remembered to drop redeliveries
 * @param emptyConversations a conversation in which the resident never wrote (a web chat opened and
 *     left) is deleted this long after its last change instead: it holds nothing worth keeping
 */
@ConfigurationProperties("townhall.retention")
public record RetentionProperties(Duration conversations, Duration deliveryMarks, Duration emptyConversations) {}
