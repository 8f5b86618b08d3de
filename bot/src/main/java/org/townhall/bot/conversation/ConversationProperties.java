package org.townhall.bot.conversation;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param idleTimeout a conversation with the bot closes after this long without a message; one
 *     waiting for or with staff never times out
 * @param idleSweep how often to look for idle conversations
 * @param typingNotice how long a resident sees "typing…" after the console last said staff were typing
 */
@Validated
@ConfigurationProperties("townhall.conversation")
record ConversationProperties(
    @NotNull @DurationMin(seconds = 1) Duration idleTimeout,
    @NotNull @DurationMin(millis = 1) Duration idleSweep,
    @NotNull @DurationMin(millis = 1) Duration typingNotice) {}
