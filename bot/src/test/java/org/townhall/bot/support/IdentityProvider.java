package org.townhall.bot.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;

/**
 * A real OpenID Connect provider on a free loopback port (NAV's mock-oauth2-server: discovery, JWKS,
 * the authorization-code flow and signed ID tokens), playing the council's Entra ID. Its address says
 * {@code localhost} while the bot's say {@code 127.0.0.1}: to a browser these are two sites, as the
 * council's provider and the bot are.
 */
public final class IdentityProvider implements AutoCloseable {

  public static final String ISSUER_ID = "council";
  public static final String CLIENT_ID = "townhall-console";

  private final MockOAuth2Server server;

  private IdentityProvider(OAuth2Config config) {
    this.server = new MockOAuth2Server(config);
  }

  /** A provider that signs in whoever {@link #nextSignIn} names, without a page of its own. */
  public static IdentityProvider start() {
    return start(new OAuth2Config(false));
  }

  /**
   * A provider with a sign-in page, where a person types who they are and their claims (as JSON) and
   * sends the form, as at Entra's page: the way back to the bot then starts on the provider's site.
   */
  public static IdentityProvider startWithSignInPage() {
    return start(new OAuth2Config(true));
  }

  private static IdentityProvider start(OAuth2Config config) {
    IdentityProvider provider = new IdentityProvider(config);
    try {
      provider.server.start(InetAddress.getByName("127.0.0.1"), FreePort.onLoopback());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return provider;
  }

  public String issuer() {
    return server.issuerUrl(ISSUER_ID).toString();
  }

  /**
   * The bot's settings for this provider: app roles in {@code roles} give Townhall.Agent → AGENT,
   * Townhall.Supervisor → AGENT and SUPERVISOR, and Townhall.CouncilTax → the council tax team.
   */
  public List<String> settings() {
    return List.of("townhall.security.oidc.enabled=true", "townhall.security.oidc.provider-name=Council SSO",
        "townhall.security.oidc.issuer-uri=" + issuer(), "townhall.security.oidc.client-id=" + CLIENT_ID,
        "townhall.security.oidc.client-secret=test-client-secret",
        "townhall.security.oidc.grants[0].claim-value=Townhall.Agent", "townhall.security.oidc.grants[0].roles=AGENT",
        "townhall.security.oidc.grants[1].claim-value=Townhall.Supervisor",
        "townhall.security.oidc.grants[1].roles=AGENT,SUPERVISOR",
        "townhall.security.oidc.grants[2].claim-value=Townhall.CouncilTax",
        "townhall.security.oidc.grants[2].teams=council-tax");
  }

  /** The next person to sign in, with these claims in their ID token. */
  public void nextSignIn(String subject, Map<String, Object> claims) {
    server.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", null, claims, 3600));
  }

  @Override
  public void close() {
    server.shutdown();
  }
}
