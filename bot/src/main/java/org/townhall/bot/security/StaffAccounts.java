package org.townhall.bot.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.store.StoreUnavailableException;

/**
 * Staff sign-in accounts, kept in the store so that every bot instance knows every account. Creates
 * the first administrator: there is never a fixed default password; without
 * {@code TOWNHALL_ADMIN_PASSWORD} a random one is generated and printed once to the log.
 */
final class StaffAccounts implements UserDetailsService {

  private static final Logger log = LoggerFactory.getLogger(StaffAccounts.class);

  private final StaffStore store;
  private final SecurityProperties properties;
  private final PasswordEncoder encoder;

  private StaffAccounts(StaffStore store, SecurityProperties properties, PasswordEncoder encoder) {
    this.store = store;
    this.properties = properties;
    this.encoder = encoder;
  }

  /**
   * With a store that outlives the process (Redis) a generated password is refused: it would sit in
   * one instance's log while every instance and every restart relies on it.
   *
   * @throws IllegalStateException with such a store, no {@code TOWNHALL_ADMIN_PASSWORD} and no
   *     administrator yet
   */
  static StaffAccounts withFirstAdmin(SecurityProperties properties, boolean passwordSignIn, PasswordEncoder encoder,
      StaffStore store) {
    StaffAccounts accounts = new StaffAccounts(store, properties, encoder);
    if (!passwordSignIn) {
      // Everyone signs in through the council's identity provider; its claims make the administrators.
      return accounts;
    }
    try {
      if (store.keptAcrossRestarts() && accounts.noPasswordGiven()
          && store.account(properties.adminUsername()).isEmpty()) {
        throw new IllegalStateException("With townhall.store=redis, set TOWNHALL_ADMIN_PASSWORD for the first "
            + "administrator '" + properties.adminUsername() + "': a generated password would only be in one "
            + "instance's log.");
      }
      accounts.ensureFirstAdmin();
    } catch (StoreUnavailableException e) {
      // Start anyway: the administrator is created at the first sign-in once the store is back.
      log.warn("Could not check the first administrator now: {}", e.getMessage());
    }
    return accounts;
  }

  private boolean noPasswordGiven() {
    return properties.adminPassword() == null || properties.adminPassword().isBlank();
  }

  private void ensureFirstAdmin() {
    String password = properties.adminPassword();
    List<String> all = List.of(Roles.ADMIN, Roles.AGENT, Roles.EDITOR);
    if (password != null && !password.isBlank()) {
      // The environment's password wins at every start: that is how an operator recovers the account. A new
      // password also forgets the second factor (the phone may be what was lost); one enrols again.
      StaffAccount existing = store.account(properties.adminUsername()).orElse(null);
      if (existing == null || existing.passwordHash() == null || !encoder.matches(password, existing.passwordHash())
          || !existing.enabled()) {
        store.saveAccount(new StaffAccount(properties.adminUsername(), encoder.encode(password), all,
            existing == null ? List.of() : existing.teams(), true, existing == null ? null : existing.displayName()));
      }
    } else {
      String generated = generatedPassword();
      if (store.createAccountIfAbsent(new StaffAccount(properties.adminUsername(), encoder.encode(generated), all,
          List.of(), true))) {
        log.warn("\n\n  Created the administrator '{}' with the generated password: {}\n"
            + "  It is shown only this once. Set TOWNHALL_ADMIN_PASSWORD to choose your own.\n",
            properties.adminUsername(), generated);
      }
    }
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    StaffAccount account = store.account(username).orElse(null);
    if (account == null && username.equals(properties.adminUsername())) {
      // The store lost its data (e.g. a Redis without persistence restarted): bring the first admin back.
      ensureFirstAdmin();
      account = store.account(username).orElse(null);
    }
    if (account == null || account.passwordHash() == null) {
      // An account of the council's identity provider has no password to sign in with here.
      throw new UsernameNotFoundException("no such member of staff");
    }
    return User.withUsername(account.username())
        .password(account.passwordHash())
        .roles(account.roles().toArray(String[]::new))
        .disabled(!account.enabled())
        .build();
  }

  private static String generatedPassword() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
