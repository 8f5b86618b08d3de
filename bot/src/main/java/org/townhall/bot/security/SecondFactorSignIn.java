package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;

/**
 * The second step of a password sign-in. Someone who has enrolled an authenticator app, or who must
 * (an administrator requires it of every local account), is not signed in by the password alone: the
 * session waits ({@link PendingSignIn}) for the code, and someone who must but has not enrolled yet
 * enrols there and then. A wrong code is a failed attempt like a wrong password (it counts toward the
 * sign-in limits and is audited); a code is good once.
 */
@Component
class SecondFactorSignIn {

  static final String CODE_PAGE = "/console/code.html";
  /** How a sign-in with a one-time code is marked, beside Spring Security's FACTOR_PASSWORD. */
  static final String FACTOR_ONE_TIME_CODE = "FACTOR_TOTP";

  /** What the code page shows: whether a code is awaited, and the enrolment to make first, if any. */
  record CodePage(boolean waiting, Enrolment enrolment) {}

  /** An authenticator secret to add to an app, typed in or from the QR code. */
  record Enrolment(String secret, String uri, String qrCode) {}

  enum Result { SIGNED_IN, WRONG_CODE, START_AGAIN }

  private final StaffStore store;
  private final OneTimeCodes codes;
  private final SignInAttempts attempts;
  private final Clock clock;

  SecondFactorSignIn(StaffStore store, OneTimeCodes codes, SignInAttempts attempts, Clock clock) {
    this.store = store;
    this.codes = codes;
    this.attempts = attempts;
    this.clock = clock;
  }

  /** After a right password: signs in, or waits for a code when the account has or needs a second factor. */
  AuthenticationSuccessHandler afterPassword() {
    return (request, response, authentication) -> {
      String username = authentication.getName();
      boolean enrolled = store.account(username).map(StaffAccount::enrolledSecondFactor).orElse(false);
      if (!enrolled && !store.secondFactorRequired()) {
        attempts.succeeded(request, username, null);
        response.sendRedirect(request.getContextPath() + "/console/");
        return;
      }
      attempts.giveBack(request);
      SignedInSessions.clear(request, response);
      PendingSignIn.start(request, username, clock.instant());
      response.sendRedirect(request.getContextPath() + CODE_PAGE);
    };
  }

  CodePage page(HttpServletRequest request) {
    Optional<StaffAccount> account = pendingAccount(request);
    if (account.isEmpty()) {
      return new CodePage(false, null);
    }
    if (account.get().enrolledSecondFactor()) {
      return new CodePage(true, null);
    }
    // The same secret until its first code confirms it: reloading the page does not change the QR code.
    String secret = PendingSignIn.offeredSecret(request).orElseGet(() -> {
      String fresh = codes.newSecret();
      PendingSignIn.offerSecret(request, fresh);
      return fresh;
    });
    return new CodePage(true, enrolment(account.get().username(), secret));
  }

  Enrolment enrolment(String username, String secret) {
    String uri = codes.uri(username, secret);
    return new Enrolment(secret, uri, QrCode.svgDataUri(uri));
  }

  /** Checks the code typed for the session's waiting sign-in, and signs in if it is right. */
  Result enter(HttpServletRequest request, HttpServletResponse response, String typed) {
    Optional<StaffAccount> waiting = pendingAccount(request);
    if (waiting.isEmpty()) {
      PendingSignIn.end(request);
      return Result.START_AGAIN;
    }
    StaffAccount account = waiting.get();
    String secret = account.enrolledSecondFactor() ? account.secondFactorSecret()
        : PendingSignIn.offeredSecret(request).orElse(null);
    OptionalLong step = secret == null ? OptionalLong.empty() : codes.step(secret, typed);
    if (step.isEmpty()) {
      attempts.failed(request, account.username(), "wrong one-time code");
      return Result.WRONG_CODE;
    }
    if (!store.useCodeStep(account.username(), step.getAsLong())) {
      attempts.failed(request, account.username(), "one-time code used before");
      return Result.WRONG_CODE;
    }
    if (!account.enrolledSecondFactor()) {
      store.saveAccount(account.withSecondFactor(secret));
      store.audit(new AuditEntry(clock.instant(), account.username(), "enrol second factor", null, "at sign-in"));
    }
    attempts.succeeded(request, account.username(), "with a one-time code");
    PendingSignIn.end(request);
    request.changeSessionId();
    SignedInSessions.establish(request, response, account.username(), authorities(account));
    // A new CSRF token for the signed-in session, as Spring Security gives every other sign-in.
    CookieCsrfTokenRepository.withHttpOnlyFalse().saveToken(null, request, response);
    return Result.SIGNED_IN;
  }

  /** The waiting sign-in's account, while it waits and may still sign in with a password. */
  private Optional<StaffAccount> pendingAccount(HttpServletRequest request) {
    return PendingSignIn.current(request, clock.instant()).flatMap(store::account)
        .filter(a -> a.enabled() && !a.signsInWithSingleSignOn());
  }

  private static List<GrantedAuthority> authorities(StaffAccount account) {
    List<GrantedAuthority> authorities = new ArrayList<>();
    account.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
    authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    authorities.add(FactorGrantedAuthority.fromAuthority(FACTOR_ONE_TIME_CODE));
    return authorities;
  }
}
