package org.townhall.bot.security;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The first administrator, created at start-up.
 *
 * @param adminUsername from {@code TOWNHALL_ADMIN_USERNAME}, default {@code admin}
 * @param adminPassword from {@code TOWNHALL_ADMIN_PASSWORD}; when empty a random one is generated
 *     and logged once
 */
@Validated
@ConfigurationProperties("townhall.security")
record SecurityProperties(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,39}",
        message = "must be 2–40 lower-case letters, digits, dots, dashes or underscores") String adminUsername,
    @Pattern(regexp = "(?s)\\s*|.{12,}", message = "must have at least 12 characters (or be empty to generate one)")
    String adminPassword) {}
