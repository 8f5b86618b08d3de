package org.townhall.bot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;
import org.townhall.bot.store.Sha256;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.store.StoreUnavailableException;
import org.townhall.bot.web.ApiException;

/**
 * Holds every signed-in member of staff to their account as it is now, on every request and every
 * instance (the account lives in the shared store): an account disabled or removed, or whose password
 * changed, ends the sign-in at once (the session is deleted, so the request goes on as anonymous:
 * 401); roles taken away are taken away at once (403), and roles given take effect without signing in
 * again. Before this, a sign-in kept the access it had at sign-in for as long as the console polled.
 * It costs one store read per signed-in request.
 */
final class CurrentAccountFilter extends OncePerRequestFilter {

  /** A hash of the password hash the sign-in was made with: a new password ends older sign-ins. */
  static final String PASSWORD_FINGERPRINT = CurrentAccountFilter.class.getName() + ".password";

  private final StaffStore store;
  private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

  CurrentAccountFilter(StaffStore store) {
    this.store = store;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
    HttpSession session = request.getSession(false);
    if (signedIn == null || !signedIn.isAuthenticated() || signedIn instanceof AnonymousAuthenticationToken
        || session == null) {
      chain.doFilter(request, response);
      return;
    }
    Optional<StaffAccount> account;
    try {
      account = store.account(signedIn.getName());
    } catch (StoreUnavailableException e) {
      JsonRefusal.write(response, HttpStatus.SERVICE_UNAVAILABLE, ApiException.STORE_UNAVAILABLE);
      return;
    }
    // An account that signs in through the identity provider has no password to change.
    String fingerprint = account.map(a -> Sha256.hex(a.passwordHash() == null ? "" : a.passwordHash())).orElse(null);
    Object signedInWith = session.getAttribute(PASSWORD_FINGERPRINT);
    if (account.isEmpty() || !account.get().enabled()
        || (signedInWith != null && !signedInWith.equals(fingerprint))) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      chain.doFilter(request, response);
      return;
    }
    if (signedInWith == null) {
      session.setAttribute(PASSWORD_FINGERPRINT, fingerprint);
    }
    Set<String> now = account.get().roles().stream().map(r -> "ROLE_" + r).collect(Collectors.toSet());
    // Only the roles are the account's; other authorities (Spring Security 7's FACTOR_PASSWORD, how
    // the person signed in) are kept as they are.
    Set<String> held = signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).collect(Collectors.toSet());
    if (!now.equals(held)) {
      var authorities = new ArrayList<GrantedAuthority>(signedIn.getAuthorities().stream()
          .filter(a -> !a.getAuthority().startsWith("ROLE_")).toList());
      now.stream().map(SimpleGrantedAuthority::new).forEach(authorities::add);
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(signedIn.getPrincipal(), null,
          authorities));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
    }
    chain.doFilter(request, response);
  }
}
