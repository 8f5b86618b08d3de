package org.townhall.bot.console;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The staff console's settings.
 *
 * @param queueRefresh how often each instance re-reads the shared queue and pushes changes to its
 *     open queue streams (so every instance sees every other instance's changes)
 * @param streamTimeout an open queue stream is closed after this long; the browser reconnects
 * @param heartbeat the queue is sent this often even when unchanged, so proxies keep the stream open
 *     and dead streams are noticed
 * @param alertAfter a conversation nobody has claimed for this long is flagged in every console
 * @param maxConversationsPerAgent a member of staff cannot claim more conversations than this at once
 * @param cannedResponses replies staff can insert with one click
 */
@Validated
@ConfigurationProperties("townhall.console")
record ConsoleProperties(
    @NotNull @DurationMin(millis = 1) Duration queueRefresh,
    @NotNull @DurationMin(seconds = 1) Duration streamTimeout,
    @NotNull @DurationMin(millis = 1) Duration heartbeat,
    @NotNull Duration alertAfter,
    @Positive int maxConversationsPerAgent,
    List<@NotBlank String> cannedResponses) {

  ConsoleProperties {
    cannedResponses = cannedResponses == null ? List.of() : List.copyOf(cannedResponses);
  }
}
