package org.townhall.bot.handoff;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When the contact centre is staffed.
 *
 * @param zone the council's time zone
 * @param openDays days the contact centre works
 * @param opens opening time on those days
 * @param closes closing time; equal to {@code opens} means open all day
 */
@Validated
@ConfigurationProperties("townhall.handoff")
record HandoffProperties(@NotNull ZoneId zone, @NotEmpty Set<DayOfWeek> openDays, @NotNull LocalTime opens,
    @NotNull LocalTime closes) {}
