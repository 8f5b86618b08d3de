package org.townhall.bot.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.townhall.bot.store.StoreUnavailableException;
import org.townhall.bot.web.ApiException;

/**
 * Staff sign-in sessions through Spring Session, kept in the configured store (its session repository
 * bean) instead of each instance's servlet container: signed in on one instance is signed in on all,
 * and a sign-out or expiry applies everywhere. Sessions are still only made for staff: nothing on a
 * resident's path asks for one.
 */
@Configuration(proxyBeanMethods = false)
@EnableSpringHttpSession
class StaffSessions {

  private static final Logger log = LoggerFactory.getLogger(StaffSessions.class);

  /**
   * Wraps Spring Session's filter: reading or saving a session happens outside any controller, so a
   * store that cannot be reached would otherwise end as a 500 instead of the API's usual 503.
   */
  @Bean
  FilterRegistrationBean<OncePerRequestFilter> sessionStoreUnavailable() {
    var registration = new FilterRegistrationBean<OncePerRequestFilter>(new StoreUnavailableFilter());
    registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    return registration;
  }

  static final class StoreUnavailableFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      try {
        chain.doFilter(request, response);
      } catch (RuntimeException | ServletException e) {
        StoreUnavailableException unavailable = unavailable(e);
        if (unavailable == null) {
          throw e;
        }
        log.warn("Store unavailable: {}", unavailable.getMessage());
        if (response.isCommitted()) {
          return;
        }
        response.reset();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
          JsonRefusal.write(response, HttpStatus.SERVICE_UNAVAILABLE, ApiException.STORE_UNAVAILABLE);
        } else {
          response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
          response.setContentType(MediaType.TEXT_PLAIN_VALUE);
          response.setCharacterEncoding("UTF-8");
          response.getWriter().write(ApiException.STORE_UNAVAILABLE);
        }
      }
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
      return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
      return false;
    }

    private static StoreUnavailableException unavailable(Throwable e) {
      for (Throwable t = e; t != null; t = t.getCause()) {
        if (t instanceof StoreUnavailableException found) {
          return found;
        }
      }
      return null;
    }
  }
}
