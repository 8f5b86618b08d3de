package org.townhall.bot.security;

import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * Creates the first administrator. There is never a fixed default password: without
 * {@code TOWNHALL_ADMIN_PASSWORD} a random one is generated and printed once to the log.
 */
final class StaffAccounts {

  private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

  private StaffAccounts() {}

  static InMemoryUserDetailsManager withFirstAdmin(SecurityProperties properties, PasswordEncoder encoder) {
    String password = properties.adminPassword();
    if (password == null || password.isBlank()) {
      password = generatedPassword();
      log.warn("\n\n  Created the administrator '{}' with the one-time password: {}\n"
          + "  Set TOWNHALL_ADMIN_PASSWORD to choose your own.\n", properties.adminUsername(), password);
    }
    var admin = User.withUsername(properties.adminUsername())
        .password(encoder.encode(password))
        .roles(Roles.ADMIN, Roles.AGENT, Roles.EDITOR)
        .build();
    return new InMemoryUserDetailsManager(admin);
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
