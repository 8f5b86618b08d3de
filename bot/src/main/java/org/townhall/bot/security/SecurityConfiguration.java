package org.townhall.bot.security;

import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.townhall.bot.store.StaffStore;

/** HTTP security for the public web chat and the staff console. */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  // No inline script or style anywhere: resident text can never become code.
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors ";

  /** The resident's chat page and what it loads: the only part another site may show in a panel. */
  private static final RequestMatcher CHAT_PAGE = new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher("/"),
      PathPatternRequestMatcher.withDefaults().matcher("/index.html"),
      PathPatternRequestMatcher.withDefaults().matcher("/webchat/**"));

  private static final RequestMatcher ELSEWHERE = new NegatedRequestMatcher(new OrRequestMatcher(
      PathPatternRequestMatcher.withDefaults().matcher("/console/**"),
      PathPatternRequestMatcher.withDefaults().matcher("/api/**")));

  @Bean
  SecurityFilterChain security(HttpSecurity http, StaffStore store, SignInAttempts signIns,
      SecondFactorSignIn secondFactor, SecurityProperties properties, OidcProperties oidc,
      ObjectProvider<SingleSignOn.SingleSignOnLogin> singleSignOn) throws Exception {
    // The chat page may be framed by the council's own sites (townhall.security.embed-origins) and by
    // itself; the console and everything else by nobody, with X-Frame-Options for older browsers too.
    String chatAncestors = String.join(" ", java.util.stream.Stream.concat(java.util.stream.Stream.of("'self'"),
        properties.embedOrigins().stream()).toList());
    if (oidc.passwordSignIn()) {
      http.formLogin(form -> form
          .loginPage("/console/login.html")
          .loginProcessingUrl(SignInAttempts.LOGIN)
          .successHandler(secondFactor.afterPassword())
          .failureHandler(signIns.failed("/console/login.html?error"))
          .permitAll());
    }
    SingleSignOn.SingleSignOnLogin provider = singleSignOn.getIfAvailable();
    if (provider != null) {
      provider.applyTo(http);
    }
    http
        .authorizeHttpRequests(auth -> auth
            // The end of a queue stream is an async dispatch of a request that was already authorised.
            .dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
            .requestMatchers("/", "/index.html", "/webchat/**", "/favicon.ico", "/robots.txt", "/error").permitAll()
            .requestMatchers("/api/webchat/**").permitAll()
            // The public accessibility statement and transparency record (no sign-in, no personal data).
            .requestMatchers(HttpMethod.GET, "/accessibility", "/transparency").permitAll()
            // The web chat API's OpenAPI description (public, like the API it describes).
            .requestMatchers("/v3/api-docs", "/v3/api-docs/**").permitAll()
            // Telegram's webhook: authorised by its secret-token header, checked by the controller.
            .requestMatchers("/api/telegram/webhook").permitAll()
            // Probes and the metrics scraper sign in as nobody; keep them off the public proxy (README "Operations").
            .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/prometheus").permitAll()
            .requestMatchers("/console/login.html", "/console/app.css", "/console/login.js", "/console/code.html",
                "/console/code.js", "/console/api.js", SignInAttempts.CODE, "/api/console/sign-in", "/api/console/sign-in/code").permitAll()
            .requestMatchers("/api/console/admin/**", "/console/admin.html", "/console/admin.js").hasRole(Roles.ADMIN)
            // Insight for managers: read-only figures, their page and the charting library it draws with.
            .requestMatchers("/api/console/insight", "/api/console/insight.csv", "/console/insight.html",
                "/console/insight.js", "/webjars/chart.js/**").hasAnyRole(Roles.MANAGER, Roles.ADMIN)
            .requestMatchers("/api/console/supervisor/**").hasAnyRole(Roles.SUPERVISOR, Roles.ADMIN)
            .requestMatchers("/api/console/content/**", "/console/content.html", "/console/content/**")
                .hasAnyRole(Roles.EDITOR, Roles.ADMIN)
            // Every member of staff: the start page picks their page by role, and every page asks who they are.
            .requestMatchers("/console", "/console/", "/console/api.js", "/console/words.js").authenticated()
            .requestMatchers(HttpMethod.GET, "/api/console/me").authenticated()
            .requestMatchers("/api/console/**", "/console/**").hasRole(Roles.AGENT)
            .anyRequest().denyAll())
        // The web chat API is authorised by bearer tokens and Telegram's webhook by its secret header, not
        // cookies, so CSRF does not apply to them.
        .csrf(csrf -> csrf
            .ignoringRequestMatchers("/api/webchat/**", "/api/telegram/webhook")
            .csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
            .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler()))
        // Before the password or the code is checked: over the limit, it is not checked at all.
        .addFilterBefore(signIns.limiter(), UsernamePasswordAuthenticationFilter.class)
        .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl("/console/login.html?signed-out"))
        // The APIs answer refusals like every other error: a status and {"error": "a sentence"}.
        .exceptionHandling(ex -> ex
            .defaultAuthenticationEntryPointFor(
                (request, response, e) -> JsonRefusal.write(response, HttpStatus.UNAUTHORIZED,
                    "Sign in first: POST /console/login with username, password and _csrf."),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
            .defaultAccessDeniedHandlerFor(
                (request, response, e) -> JsonRefusal.write(response, HttpStatus.FORBIDDEN,
                    e instanceof org.springframework.security.web.csrf.CsrfException
                        ? "Missing or wrong CSRF token: send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header."
                        : "Your account is not allowed to do this."),
                PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
            // Any address outside the console and the APIs is one the bot does not serve: 404 (a friendly
            // page), never a sign-in page or a 403 that says something is there.
            .defaultAuthenticationEntryPointFor((request, response, e) -> response.sendError(HttpStatus.NOT_FOUND.value()),
                ELSEWHERE)
            .defaultAccessDeniedHandlerFor((request, response, e) -> response.sendError(HttpStatus.NOT_FOUND.value()),
                ELSEWHERE)
            // Console pages get the friendly 403 page (with only one mapping, Spring would use the JSON one for all).
            .defaultAccessDeniedHandlerFor(new org.springframework.security.web.access.AccessDeniedHandlerImpl(),
                org.springframework.security.web.util.matcher.AnyRequestMatcher.INSTANCE))
        .addFilterAfter(new CsrfCookieFilter(), BasicAuthenticationFilter.class)
        .addFilterAfter(new CurrentAccountFilter(store), CsrfCookieFilter.class)
        .headers(headers -> headers
            .frameOptions(frame -> frame.disable())
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(CHAT_PAGE,
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY + chatAncestors)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(CHAT_PAGE),
                new StaticHeadersWriter("Content-Security-Policy", CONTENT_SECURITY_POLICY + "'none'")))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(CHAT_PAGE),
                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
            .referrerPolicy(ref -> ref.policy(ReferrerPolicy.SAME_ORIGIN)));
    return http.build();
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  UserDetailsService staffAccounts(SecurityProperties properties, OidcProperties oidc, PasswordEncoder encoder,
      StaffStore store) {
    return StaffAccounts.withFirstAdmin(properties, oidc.passwordSignIn(), encoder, store);
  }
}
