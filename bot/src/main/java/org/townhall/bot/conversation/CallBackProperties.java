package org.townhall.bot.conversation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Nothing waits unseen: a resident still waiting, unclaimed, after {@code offerAfter} is offered a
 * call-back (or to leave a message) with a reference number.
 *
 * @param offerAfter how long a resident waits before the offer
 * @param sweep how often to look for them
 */
@Validated
@ConfigurationProperties("townhall.conversation.call-back")
record CallBackProperties(@NotNull @DurationMin(millis = 1) Duration offerAfter,
    @NotNull @DurationMin(millis = 1) Duration sweep) {}
