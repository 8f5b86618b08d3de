package org.townhall.bot.conversation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Nothing waits unseen: a resident still waiting, unclaimed, after {@code offerAfter} is offered a
 * call-back (or to leave a message) with a reference number.
 *
 * @param offerAfter how long a resident waits before the offer
 * @param sweep how often to look for them
 */
@ConfigurationProperties("townhall.conversation.call-back")
record CallBackProperties(Duration offerAfter, Duration sweep) {}
