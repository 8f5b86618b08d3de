package org.townhall.bot.security;

import java.util.List;
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
 * @param embedOrigins the council's own sites that may show the chat page in a panel
 *     ({@code /webchat/embed.js}); every other site is refused by {@code frame-ancestors}
 */
@Validated
@ConfigurationProperties("townhall.security")
record SecurityProperties(
    @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9._-]{1,39}",
        message = "must be 2–40 lower-case letters, digits, dots, dashes or underscores") String adminUsername,
    @Pattern(regexp = "(?s)\\s*|.{12,}", message = "must have at least 12 characters (or be empty to generate one)")
    String adminPassword,
    @NotNull List<@NotNull @Pattern(regexp = "https://[a-z0-9.-]+(:[0-9]{1,5})?|http://(localhost|127\\.0\\.0\\.1)(:[0-9]{1,5})?",
        message = "must be an origin such as https://www.council.gov.uk (http only for localhost)") String> embedOrigins) {}
