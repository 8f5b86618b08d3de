package org.townhall.bot.handoff;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the contact centre is staffed.
 *
 * @param zone the council's time zone
 * @param openDays days the contact centre works
 * @param opens opening time on those days
 * @param closes closing time; equal to {@code opens} means open all day
 */
@ConfigurationProperties("townhall.handoff")
record HandoffProperties(ZoneId zone, Set<DayOfWeek> openDays, LocalTime opens, LocalTime closes) {}
