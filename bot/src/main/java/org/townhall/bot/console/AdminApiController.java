package org.townhall.bot.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.security.Roles;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.BotPause;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/** What only an ADMIN may see or do (the security configuration refuses everyone else with 403). */
@RestController
@RequestMapping("/api/console/admin")
class AdminApiController {

  private static final int MAX_AUDIT = 1000;
  private static final int MAX_REASON = 500;
  private static final int MIN_PASSWORD = 12;
  private static final int MAX_PASSWORD_BYTES = 72;
  private static final String USERNAME = "[a-z0-9][a-z0-9._-]{1,39}";
  private static final String USERNAME_RULE =
      "must be 2–40 lower-case letters, digits, dots, dashes or underscores";
  /** A local account's name, or (only to change an existing one) a name from the council's identity provider. */
  private static final String ANY_USERNAME = "[a-z0-9][a-z0-9._@'+-]{1,99}";
  private static final String TEAM = "[a-z0-9][a-z0-9-]{0,39}";
  private static final Set<String> ROLES = Set.of(Roles.AGENT, Roles.EDITOR, Roles.ADMIN, Roles.SUPERVISOR,
      Roles.MANAGER);

  private final StaffStore staff;
  private final AuditTrail audit;
  private final PasswordEncoder encoder;
  private final Clock clock;

  AdminApiController(StaffStore staff, AuditTrail audit, PasswordEncoder encoder, Clock clock) {
    this.staff = staff;
    this.audit = audit;
    this.encoder = encoder;
    this.clock = clock;
  }

  /** The audit log, newest first. */
  @GetMapping("/audit")
  List<AuditEntry> audit(@RequestParam(defaultValue = "200") int limit) {
    if (limit < 1 || limit > MAX_AUDIT) {
      throw ApiException.badRequest("limit must be between 1 and " + MAX_AUDIT + ".");
    }
    return staff.auditLog(limit);
  }

  record PauseState(boolean paused, String reason, String by, java.time.Instant since) {

    static PauseState of(BotPause pause) {
      return pause == null ? new PauseState(false, null, null, null)
          : new PauseState(true, pause.reason(), pause.by(), pause.since());
    }
  }

  record PauseRequest(@NotBlank(message = "give the reason for pausing the bot")
      @Size(max = MAX_REASON, message = "must be at most 500 characters") String reason) {}

  @GetMapping("/pause")
  PauseState pause() {
    return PauseState.of(staff.botPause().orElse(null));
  }

  /** The kill switch: every instance reads it from the store on each resident message. */
  @PostMapping("/pause")
  PauseState pause(@Valid @RequestBody(required = false) PauseRequest request, Authentication user) {
    if (request == null) {
      throw ApiException.badRequest("Give the reason for pausing the bot: send {\"reason\": \"...\"}.");
    }
    String reason = request.reason().strip();
    BotPause pause = new BotPause(reason, user.getName(), clock.instant());
    staff.pauseBot(pause);
    audit.record(user.getName(), "pause", null, reason);
    return PauseState.of(pause);
  }

  @PostMapping("/resume")
  PauseState resume(Authentication user) {
    staff.resumeBot();
    audit.record(user.getName(), "resume", null, null);
    return PauseState.of(null);
  }

  /**
   * An account as the console shows it: never the password hash or the second-factor secret.
   *
   * @param singleSignOn signs in through the council's identity provider, which sets its roles, teams and name
   * @param secondFactor has enrolled an authenticator app
   */
  record Account(String username, String displayName, List<String> roles, List<String> teams, boolean enabled,
      boolean singleSignOn, boolean secondFactor) {

    static Account of(StaffAccount a) {
      return new Account(a.username(), a.displayName(), a.roles(), a.teams(), a.enabled(), a.signsInWithSingleSignOn(),
          a.enrolledSecondFactor());
    }
  }

  /**
   * @param password at least 12 characters, or empty to keep an existing account's; at most 72
   *     bytes, all that bcrypt reads
   */
  record AccountChange(
      @NotNull(message = USERNAME_RULE) @Pattern(regexp = ANY_USERNAME, message = USERNAME_RULE) String username,
      @Pattern(regexp = "(?s)|.{" + MIN_PASSWORD + ",}", message = "must have at least 12 characters (or be empty "
          + "to keep an existing account's)") String password,
      @NotEmpty(message = "must be one or more of ADMIN, AGENT, EDITOR, MANAGER, SUPERVISOR")
      @Size(max = 5, message = "has too many roles")
      List<@NotNull(message = "must not be null") String> roles,
      @Size(max = 100, message = "has too many teams")
      List<@NotNull(message = "must not be null") @Pattern(regexp = "\\s*(" + TEAM + ")?\\s*",
          message = "must be lower-case letters, digits and dashes") String> teams,
      Boolean enabled,
      // What residents see instead of the user name, e.g. "Sam": letters, spaces, . ' - only.
      @Size(max = 40, message = "must be at most 40 characters")
      @Pattern(regexp = "[\\p{L} .'-]*", message = "may hold only letters, spaces and . ' -") String displayName) {}

  @GetMapping("/staff")
  List<Account> staff() {
    return staff.accounts().stream().map(Account::of).toList();
  }

  /** Creates an account, or changes one (a password left empty stays as it was). */
  @PostMapping("/staff")
  Account save(@Valid @RequestBody(required = false) AccountChange change, Authentication user) {
    if (change == null) {
      throw ApiException.badRequest("Send the account as JSON: {\"username\", \"password\", \"roles\", \"teams\", "
          + "\"enabled\"}.");
    }
    List<String> roles = change.roles().stream().distinct().sorted().toList();
    if (!ROLES.containsAll(roles)) {
      throw ApiException.badRequest("roles must be one or more of " + ROLES + ".");
    }
    List<String> teams = change.teams() == null ? List.of()
        : change.teams().stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().sorted().toList();
    boolean enabled = change.enabled() == null || change.enabled();
    StaffAccount existing = staff.account(change.username()).orElse(null);
    if (change.username().equals(user.getName()) && (!enabled || !roles.contains(Roles.ADMIN))) {
      throw ApiException.badRequest("You cannot disable your own account or remove your own ADMIN role.");
    }
    String password = change.password() == null ? "" : change.password();
    if (existing != null && existing.signsInWithSingleSignOn()) {
      return saveSingleSignOn(existing, change, roles, teams, enabled, password, user);
    }
    if (!change.username().matches(USERNAME)) {
      throw ApiException.badRequest("username: " + USERNAME_RULE + ".");
    }
    String hash;
    if (!password.isEmpty()) {
      // bcrypt reads 72 bytes and refuses more: fewer than 72 characters with accents or emoji.
      if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
        throw ApiException.badRequest("password: must be at most " + MAX_PASSWORD_BYTES
            + " bytes (72 plain letters or digits; fewer with accents or emoji).");
      }
      hash = encoder.encode(password);
    } else if (existing != null) {
      hash = existing.passwordHash();
    } else {
      throw ApiException.badRequest("A new account needs a password of at least " + MIN_PASSWORD + " characters.");
    }
    StaffAccount saved = new StaffAccount(change.username(), hash, roles, teams, enabled, change.displayName(), null,
        existing == null ? null : existing.secondFactorSecret());
    staff.saveAccount(saved);
    audit.record(user.getName(), existing == null ? "create account" : "change account", null, change.username()
        + " " + roles + (enabled ? "" : " disabled"));
    return Account.of(saved);
  }

  /**
   * An account of the council's identity provider gets its roles, teams and name from there at each sign-in:
   * here it can only be stopped from signing in, or allowed again.
   */
  private Account saveSingleSignOn(StaffAccount existing, AccountChange change, List<String> roles,
      List<String> teams, boolean enabled, String password, Authentication user) {
    if (!password.isEmpty() || !roles.equals(existing.roles()) || !teams.equals(existing.teams())) {
      throw ApiException.badRequest(existing.username() + " signs in through the council's identity provider, "
          + "which gives their roles and teams at each sign-in: change them there. Here you can only stop them "
          + "signing in.");
    }
    StaffAccount saved = new StaffAccount(existing.username(), null, existing.roles(), existing.teams(), enabled,
        existing.displayName(), existing.issuer(), null);
    staff.saveAccount(saved);
    audit.record(user.getName(), "change account", null, existing.username() + " " + existing.roles()
        + (enabled ? "" : " disabled"));
    return Account.of(saved);
  }
}
