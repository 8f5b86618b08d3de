package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * The second factor from the console: a member of staff enrols an authenticator app (a secret offered,
 * then confirmed with its first code); an ADMIN requires one of every local account, or resets a
 * member's (a lost phone), both audited. Accounts that sign in through the council's identity provider
 * have the provider's own second factor instead.
 */
@RestController
class SecondFactorApiController {

  private final StaffStore store;
  private final OneTimeCodes codes;
  private final SecondFactorSignIn signIn;
  private final Clock clock;

  SecondFactorApiController(StaffStore store, OneTimeCodes codes, SecondFactorSignIn signIn, Clock clock) {
    this.store = store;
    this.codes = codes;
    this.signIn = signIn;
    this.clock = clock;
  }

  /**
   * @param available false for an account that signs in through the council's identity provider
   * @param enrolled whether a code is asked after the password
   * @param required whether an administrator requires a second factor of every local account
   */
  record Status(boolean available, boolean enrolled, boolean required) {}

  record Code(@NotNull(message = "give the 6-digit code from your authenticator app")
      @Size(max = 20, message = "must be the 6-digit code from your authenticator app") String code) {}

  record Requirement(@NotNull(message = "must be true or false") Boolean required) {}

  record Reset(@NotNull(message = "name the account") @Size(max = 100, message = "is not an account") String username) {}

  @GetMapping("/api/console/me/second-factor")
  Status status(Authentication user) {
    StaffAccount account = account(user.getName());
    return new Status(!account.signsInWithSingleSignOn(), account.enrolledSecondFactor(), store.secondFactorRequired());
  }

  /** Offers a new secret to add to an authenticator app; it counts once {@link #confirm} gets its first code. */
  @PostMapping("/api/console/me/second-factor/enrolment")
  SecondFactorSignIn.Enrolment offer(Authentication user, HttpServletRequest request) {
    StaffAccount account = enrollable(user.getName());
    String secret = codes.newSecret();
    PendingSignIn.offerSecret(request, secret);
    return signIn.enrolment(account.username(), secret);
  }

  @PostMapping("/api/console/me/second-factor")
  Status confirm(@Valid @RequestBody(required = false) Code code, Authentication user, HttpServletRequest request) {
    if (code == null) {
      throw ApiException.badRequest("Send the first code from your authenticator app: {\"code\": \"123456\"}.");
    }
    StaffAccount account = enrollable(user.getName());
    String secret = PendingSignIn.offeredSecret(request).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
        "Start again: ask for a new secret to add to your authenticator app."));
    // Not a sign-in (they are signed in): the code is not used up, so the next sign-in may follow at once.
    if (codes.step(secret, code.code()).isEmpty()) {
      throw ApiException.badRequest("That code is not the one your authenticator app shows now. Check that the app "
          + "shows Townhall and that your phone's clock is right, then try the newest code.");
    }
    store.saveAccount(account.withSecondFactor(secret));
    PendingSignIn.withdrawOffer(request);
    audit(account.username(), "enrol second factor", null);
    return status(user);
  }

  @GetMapping("/api/console/admin/second-factor")
  Requirement requirement() {
    return new Requirement(store.secondFactorRequired());
  }

  /** From the next sign-in on, every local account gives a code after the password (and enrols first if it must). */
  @PostMapping("/api/console/admin/second-factor")
  Requirement require(@Valid @RequestBody(required = false) Requirement requirement, Authentication user) {
    if (requirement == null) {
      throw ApiException.badRequest("Send {\"required\": true} or {\"required\": false}.");
    }
    store.requireSecondFactor(requirement.required());
    audit(user.getName(), requirement.required() ? "require second factor" : "stop requiring second factor", null);
    return requirement();
  }

  /** Forgets a member's authenticator secret: they sign in with their password alone, or enrol again. */
  @PostMapping("/api/console/admin/second-factor/reset")
  Status reset(@Valid @RequestBody(required = false) Reset reset, Authentication user) {
    if (reset == null) {
      throw ApiException.badRequest("Name the account: {\"username\": \"…\"}.");
    }
    StaffAccount account = store.account(reset.username()).orElseThrow(() -> ApiException.notFound(
        "There is no account with that user name."));
    store.saveAccount(account.withSecondFactor(null));
    audit(user.getName(), "reset second factor", account.username());
    return new Status(!account.signsInWithSingleSignOn(), false, store.secondFactorRequired());
  }

  private StaffAccount account(String username) {
    return store.account(username).orElseThrow(() -> ApiException.notFound("Your account no longer exists."));
  }

  private StaffAccount enrollable(String username) {
    StaffAccount account = account(username);
    if (account.signsInWithSingleSignOn()) {
      throw new ApiException(HttpStatus.CONFLICT, "You sign in through the council's identity provider, which "
          + "asks for your second factor itself.");
    }
    if (account.enrolledSecondFactor()) {
      throw new ApiException(HttpStatus.CONFLICT, "You have already set up two-step sign-in. To move it to a new "
          + "phone, ask an administrator to reset it, then set it up again.");
    }
    return account;
  }

  private void audit(String actor, String action, String detail) {
    store.audit(new AuditEntry(clock.instant(), actor, action, null, detail));
  }
}
