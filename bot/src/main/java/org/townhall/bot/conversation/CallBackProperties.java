package org.townhall.bot.conversation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Nothing waits unseen: a resident still waiting, unclaimed, after {@code offerAfter} is offered a
 * call-back (or to leave a message) with a reference number; one who left an email address and has
 * gone gets staff's replies by email.
 *
 * @param offerAfter how long a resident waits before the offer
 * @param sweep how often to look for them
 * @param goneAfter a web chat resident whose page has not asked for the conversation for this long
 *     has gone, and staff replies are emailed to them if they left an address; at least 45 seconds,
 *     three times the 15 seconds a hidden page waits between asks
 */
@Validated
@ConfigurationProperties("townhall.conversation.call-back")
record CallBackProperties(@NotNull @DurationMin(millis = 1) Duration offerAfter,
    @NotNull @DurationMin(millis = 1) Duration sweep,
    @NotNull @DurationMin(seconds = 45) Duration goneAfter) {}
