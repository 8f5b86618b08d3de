package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Puts a member of staff's sign-in into their session in the one form every sign-in has, however it
 * was made (a password, a password and a one-time code, the council's identity provider): their user
 * name and authorities, nothing else. So the rest of the bot ({@link CurrentAccountFilter}, the
 * console, the audit trail) needs no second kind of sign-in, and the session that the store keeps, and
 * every instance reads, holds only the JDK's and Spring's classes (never a provider's tokens or claims).
 */
final class SignedInSessions {

  private static final SecurityContextRepository CONTEXTS = new HttpSessionSecurityContextRepository();

  private SignedInSessions() {}

  static void establish(HttpServletRequest request, HttpServletResponse response, String username,
      Collection<? extends GrantedAuthority> authorities) {
    User principal = (User) User.withUsername(username).password("").authorities(authorities).build();
    principal.eraseCredentials();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
    SecurityContextHolder.setContext(context);
    CONTEXTS.saveContext(context, request, response);
  }

  /** No one is signed in in this session (yet): e.g. the password was right, the code is still to come. */
  static void clear(HttpServletRequest request, HttpServletResponse response) {
    SecurityContext empty = SecurityContextHolder.createEmptyContext();
    SecurityContextHolder.setContext(empty);
    CONTEXTS.saveContext(empty, request, response);
  }
}
