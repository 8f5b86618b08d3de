package org.townhall.bot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.townhall.bot.limits.Limit;
import org.townhall.bot.limits.RateLimits;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * Staff sign-in attempts, limited per user name and per client address (the resident-facing proxy's
 * forwarded address when it is trusted, see README "Limits"). Over either limit the attempt gets a 429
 * before the password, or the one-time code, is even checked. A successful sign-in gives its attempt
 * back, so only failures use the limit up: a whole office signing in at nine from one address is not
 * refused. Every sign-in, failure and refusal is in the audit log, with the user name as typed and the
 * address.
 */
@Component
class SignInAttempts {

  static final String LOGIN = "/console/login";
  /** The second step: the one-time code, for the user name whose password was right (see {@link PendingSignIn}). */
  static final String CODE = "/console/login/code";
  static final String REFUSED = "Too many sign-in attempts. Please wait a few minutes, then try again.";
  private static final Set<String> LIMITED = Set.of(LOGIN, CODE);
  private static final int LONGEST_NAME_KEPT = 100;

  private final RateLimits limits;
  private final StaffStore store;
  private final Clock clock;

  SignInAttempts(RateLimits limits, StaffStore store, Clock clock) {
    this.limits = limits;
    this.store = store;
    this.clock = clock;
  }

  /** The filter that takes an attempt from both limits before a password or code is checked. */
  OncePerRequestFilter limiter() {
    return new Limiter();
  }

  private final class Limiter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
      return !("POST".equals(request.getMethod())
          && LIMITED.contains(request.getRequestURI().substring(request.getContextPath().length())));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String user = attemptedUser(request);
      String address = request.getRemoteAddr();
      RateLimits.Decision decision = limits.take(Limit.SIGN_INS_PER_ADDRESS, address);
      String which = "from this address";
      if (decision.allowed()) {
        decision = limits.take(Limit.SIGN_INS_PER_USER, limitKey(user));
        which = "for this user name";
        if (!decision.allowed()) {
          // Not tried: it should not use up the address's attempts (colleagues share an office's address).
          limits.giveBack(Limit.SIGN_INS_PER_ADDRESS, address);
        }
      }
      if (decision.allowed()) {
        chain.doFilter(request, response);
        return;
      }
      audit(user, "sign-in-refused", "too many attempts " + which + ", from " + address);
      response.setHeader(HttpHeaders.RETRY_AFTER, ApiException.retryAfterSeconds(decision.retryAfter()));
      if (wantsPage(request)) {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<!doctype html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Too many "
            + "sign-in attempts</title><link rel=\"stylesheet\" href=\"/console/app.css\"></head><body class=\"login-page\">"
            + "<main class=\"login\"><h1>Townhall staff console</h1><p class=\"notice\" role=\"alert\">" + REFUSED
            + "</p><p><a href=\"/console/login.html\">Back to sign-in</a></p></main></body></html>");
      } else {
        JsonRefusal.write(response, HttpStatus.TOO_MANY_REQUESTS, REFUSED);
      }
    }
  }

  /**
   * Gives the attempt back and audits the sign-in; {@code how} says how, if not with a password only
   * (e.g. "with a one-time code").
   */
  void succeeded(HttpServletRequest request, String username, String how) {
    giveBack(request);
    audit(username, "sign-in", (how == null ? "" : how + ", ") + "from " + request.getRemoteAddr());
  }

  /** The password was right: its attempt is given back, though the sign-in waits for a one-time code. */
  void giveBack(HttpServletRequest request) {
    limits.giveBack(Limit.SIGN_INS_PER_ADDRESS, request.getRemoteAddr());
    limits.giveBack(Limit.SIGN_INS_PER_USER, limitKey(attemptedUser(request)));
  }

  /** Audits a sign-in through the council's identity provider, which took no attempt here. */
  void signedInThrough(HttpServletRequest request, String username, String provider) {
    audit(username, "sign-in", "through " + provider + ", from " + request.getRemoteAddr());
  }

  /** Audits a failed attempt; it keeps its place in the limits. */
  void failed(HttpServletRequest request, String username, String why) {
    audit(clean(username), "sign-in-failed", why + ", from " + request.getRemoteAddr());
  }

  /** Audits a sign-in that was refused for who the person is, not for a wrong secret. */
  void refused(HttpServletRequest request, String username, String why) {
    audit(clean(username), "sign-in-refused", why + ", from " + request.getRemoteAddr());
  }

  /** Redirects to {@code target} after a failed password sign-in, and audits it. */
  AuthenticationFailureHandler failed(String target) {
    var redirect = new SimpleUrlAuthenticationFailureHandler(target);
    return (request, response, exception) -> {
      failed(request, attemptedUser(request),
          exception instanceof DisabledException ? "account disabled" : "wrong user name or password");
      redirect.onAuthenticationFailure(request, response, exception);
    };
  }

  private void audit(String actor, String action, String detail) {
    store.audit(new AuditEntry(clock.instant(), actor, action, null, detail));
  }

  /**
   * Whose attempt this is: the user name as typed, or at the code step the one whose password was
   * right. Without control characters and cut short: it goes into the audit log as is.
   */
  private static String attemptedUser(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return clean(CODE.equals(path) ? PendingSignIn.username(request).orElse("") : request.getParameter("username"));
  }

  private static String clean(String typed) {
    String clean = typed == null ? "" : typed.replaceAll("\\p{Cntrl}", "").strip();
    return clean.length() > LONGEST_NAME_KEPT ? clean.substring(0, LONGEST_NAME_KEPT) : clean;
  }

  /** "Ann" and "ann " are attempts at one account as far as the limit is concerned. */
  private static String limitKey(String user) {
    return user.toLowerCase(Locale.ROOT);
  }

  private static boolean wantsPage(HttpServletRequest request) {
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
  }
}
