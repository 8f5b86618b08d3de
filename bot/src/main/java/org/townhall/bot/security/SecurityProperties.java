package org.townhall.bot.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The first administrator, created at start-up.
 *
 * @param adminUsername from {@code TOWNHALL_ADMIN_USERNAME}, default {@code admin}
 * @param adminPassword from {@code TOWNHALL_ADMIN_PASSWORD}; when empty a random one is generated
 *     and logged once
 */
@ConfigurationProperties("townhall.security")
record SecurityProperties(String adminUsername, String adminPassword) {}
