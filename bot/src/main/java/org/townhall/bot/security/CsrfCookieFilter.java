package org.townhall.bot.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Loads the (deferred) CSRF token on every request so that its cookie is always set: the console is
 * static pages whose scripts read the {@code XSRF-TOKEN} cookie and send it back as a header or
 * form field (Spring Security's documented approach for JavaScript clients). Only for staff's
 * paths: residents on the web chat get no cookie they do not need.
 */
final class CsrfCookieFilter extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (token != null && (path.startsWith("/console") || path.startsWith("/api/console"))) {
      token.getToken();
    }
    chain.doFilter(request, response);
  }
}
