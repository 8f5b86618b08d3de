package org.townhall.bot.channel.email;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How staff replies are emailed ({@code townhall.email.*}); the SMTP server itself is Spring Boot's
 * {@code spring.mail.*}, its password only from the environment ({@code SPRING_MAIL_PASSWORD}).
 *
 * @param from the address replies come from, e.g. {@code no-reply@council.gov.uk}; required once
 *     {@code spring.mail.host} is set
 * @param subject the subject line; {@code {reference}} becomes the conversation's reference
 * @param maxAttempts how often one reply is tried before it is given up (and staff are told)
 * @param retryBackoff the wait after the first failure; it doubles with each attempt, at most an hour
 */
@Validated
@ConfigurationProperties("townhall.email")
record ReplyEmailProperties(
    String from,
    @NotBlank String subject,
    @Positive @Max(20) int maxAttempts,
    @NotNull @DurationMin(seconds = 1) Duration retryBackoff) {}
