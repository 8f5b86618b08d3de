package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.session.autoconfigure.DefaultCookieSerializerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.townhall.bot.store.StaffStore;

/**
 * Staff sign-in through the council's identity provider, on only with
 * {@code townhall.security.oidc.enabled}: Spring Security's OpenID Connect authorization-code flow (with
 * PKCE, a nonce and the ID token's signature, issuer, audience and expiry checked), a staff account
 * made from the claims ({@link SingleSignOnAccounts}), and then the same session as a password sign-in
 * ({@link SignedInSessions}). The provider is read from its discovery document at start-up, so a wrong
 * issuer stops the bot instead of failing the first person who signs in.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("townhall.security.oidc.enabled")
class SingleSignOn {

  /** In the provider's redirect URI: {@code https://<host>/login/oauth2/code/council}. */
  static final String REGISTRATION_ID = "council";
  static final String START = "/oauth2/authorization/" + REGISTRATION_ID;

  private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

  @Bean
  ClientRegistrationRepository councilIdentityProvider(OidcProperties settings) {
    ClientRegistration council;
    try {
      council = ClientRegistrations.fromIssuerLocation(settings.issuerUri().toString())
          .registrationId(REGISTRATION_ID)
          .clientId(settings.clientId())
          .clientSecret(settings.clientSecret())
          .scope("openid", "profile", "email")
          .clientName(settings.providerName())
          .build();
    } catch (RuntimeException e) {
      throw new IllegalStateException("Could not read the identity provider's discovery document at "
          + "townhall.security.oidc.issuer-uri = " + settings.issuerUri() + ": " + e.getMessage(), e);
    }
    log.info("Staff can sign in with {} ({})", settings.providerName(), settings.issuerUri());
    return new InMemoryClientRegistrationRepository(council);
  }

  /**
   * The provider sends the browser back to the bot from its own site. A {@code SameSite=Strict} session
   * cookie would not come along, so the sign-in started in that session could not be finished: with
   * single sign-on on, the session cookie is {@code Lax} (sent on top-level navigations to the bot, never
   * on other sites' requests in the background). Every change still needs the CSRF token.
   */
  @Bean
  DefaultCookieSerializerCustomizer sessionCookieComesBackFromTheProvider() {
    return cookies -> cookies.setSameSite("Lax");
  }

  @Bean
  SingleSignOnLogin singleSignOnLogin(ClientRegistrationRepository provider, OidcProperties settings,
      StaffStore store, SignInAttempts attempts) {
    return new SingleSignOnLogin(provider, settings,
        new SingleSignOnAccounts(new StaffClaims(settings), store), attempts);
  }

  /** Adds the provider's sign-in to the console's security. */
  static final class SingleSignOnLogin {

    private final ClientRegistrationRepository provider;
    private final OidcProperties settings;
    private final SingleSignOnAccounts accounts;
    private final SignInAttempts attempts;

    SingleSignOnLogin(ClientRegistrationRepository provider, OidcProperties settings, SingleSignOnAccounts accounts,
        SignInAttempts attempts) {
      this.provider = provider;
      this.settings = settings;
      this.accounts = accounts;
      this.attempts = attempts;
    }

    void applyTo(HttpSecurity http) throws Exception {
      http.oauth2Login(login -> login
          .loginPage("/console/login.html")
          .clientRegistrationRepository(provider)
          .authorizedClientRepository(new NoTokensKept())
          .userInfoEndpoint(info -> info.oidcUserService(accounts))
          .successHandler(signedIn())
          .failureHandler(notSignedIn()));
    }

    private AuthenticationSuccessHandler signedIn() {
      return (request, response, authentication) -> {
        // The roles this sign-in gave, and how it was made (FACTOR_…); never the provider's tokens or claims.
        List<GrantedAuthority> kept = authentication.getAuthorities().stream()
            .filter(a -> a.getAuthority().startsWith("ROLE_") || a.getAuthority().startsWith("FACTOR_"))
            .<GrantedAuthority>map(a -> a.getAuthority().startsWith("ROLE_")
                ? new SimpleGrantedAuthority(a.getAuthority()) : a)
            .toList();
        SignedInSessions.establish(request, response, authentication.getName(), kept);
        attempts.signedInThrough(request, authentication.getName(), settings.providerName());
        response.sendRedirect(request.getContextPath() + "/console/");
      };
    }

    private AuthenticationFailureHandler notSignedIn() {
      return (request, response, exception) -> {
        String page = request.getContextPath() + "/console/login.html?";
        if (exception instanceof SingleSignOnRefused refused) {
          attempts.refused(request, refused.username, refused.reason.audited + " (" + settings.providerName() + ")");
          response.sendRedirect(page + "refused=" + refused.reason.code);
        } else {
          attempts.failed(request, "", settings.providerName() + " sign-in did not work: " + errorCode(exception));
          response.sendRedirect(page + "provider-failed");
        }
      };
    }

    /** The OAuth error's code, which may come from the browser's address: only its plain characters. */
    private static String errorCode(Exception exception) {
      String code = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode() : "";
      String plain = code == null ? "" : code.replaceAll("[^a-z_]", "");
      return plain.isEmpty() ? "unknown" : plain.substring(0, Math.min(plain.length(), 40));
    }
  }

  /** Townhall calls none of the provider's APIs after sign-in, so its access and refresh tokens are not kept. */
  static final class NoTokensKept implements OAuth2AuthorizedClientRepository {

    @Override
    public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String registrationId,
        org.springframework.security.core.Authentication principal, HttpServletRequest request) {
      return null;
    }

    @Override
    public void saveAuthorizedClient(OAuth2AuthorizedClient client,
        org.springframework.security.core.Authentication principal, HttpServletRequest request,
        jakarta.servlet.http.HttpServletResponse response) {}

    @Override
    public void removeAuthorizedClient(String registrationId, org.springframework.security.core.Authentication principal,
        HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {}
  }
}
