package org.townhall.bot.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Staff sign-in through the council's own identity provider with OpenID Connect
 * ({@code townhall.security.oidc.*}): Microsoft Entra ID, or any provider with a discovery document. Off
 * by default; the client secret comes only from the environment ({@code TOWNHALL_OIDC_CLIENT_SECRET}).
 *
 * @param enabled whether the console offers "Sign in with {@code providerName}"
 * @param providerName how the sign-in button names the provider ("Microsoft")
 * @param issuerUri the issuer, whose {@code /.well-known/openid-configuration} is read at start-up (Entra:
 *     {@code https://login.microsoftonline.com/<tenant id>/v2.0})
 * @param clientId the application (client) id registered with the provider
 * @param clientSecret its secret
 * @param claims the claims whose values {@code grants} are looked up in (Entra: {@code roles} holds app
 *     roles, {@code groups} group object ids)
 * @param grants what each claim value gives: Townhall roles and teams; a person none of whose values
 *     gives a role is refused
 * @param nameClaim the claim with the name residents see ({@code name}; {@code given_name} for first
 *     names only)
 * @param usernameClaim the claim with the user name shown in the console and the audit log
 *     ({@code preferred_username} or {@code email})
 * @param passwordSignIn whether local accounts still sign in with a password (false: only through the
 *     provider)
 */
@Validated
@ConfigurationProperties("townhall.security.oidc")
record OidcProperties(
    boolean enabled,
    @NotBlank @Size(max = 40, message = "must be at most 40 characters") String providerName,
    URI issuerUri,
    String clientId,
    String clientSecret,
    @NotNull List<@NotBlank String> claims,
    @NotNull List<@NotNull @Valid Grant> grants,
    @NotBlank String nameClaim,
    @NotBlank String usernameClaim,
    boolean passwordSignIn) {

  /** A value of one of {@code claims} and what it gives. */
  record Grant(
      @NotBlank String claimValue,
      @NotNull List<@NotNull @Pattern(regexp = "AGENT|SUPERVISOR|ADMIN|EDITOR|MANAGER",
          message = "must be AGENT, SUPERVISOR, ADMIN, EDITOR or MANAGER") String> roles,
      @NotNull List<@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,39}",
          message = "must be lower-case letters, digits and dashes") String> teams) {

    Grant {
      roles = roles == null ? List.of() : roles;
      teams = teams == null ? List.of() : teams;
    }
  }

  @AssertTrue(message = "issuer-uri must be the provider's https address (http only on localhost or 127.0.0.1) while "
      + "townhall.security.oidc.enabled is true")
  boolean isIssuerUriGiven() {
    if (!enabled) {
      return true;
    }
    if (issuerUri == null || issuerUri.getHost() == null) {
      return false;
    }
    return "https".equals(issuerUri.getScheme()) || "http".equals(issuerUri.getScheme())
        && ("localhost".equals(issuerUri.getHost()) || "127.0.0.1".equals(issuerUri.getHost()));
  }

  @AssertTrue(message = "client-id must be set while townhall.security.oidc.enabled is true")
  boolean isClientIdGiven() {
    return !enabled || clientId != null && !clientId.isBlank();
  }

  @AssertTrue(message = "client-secret must be set (from TOWNHALL_OIDC_CLIENT_SECRET) while "
      + "townhall.security.oidc.enabled is true")
  boolean isClientSecretGiven() {
    return !enabled || clientSecret != null && !clientSecret.isBlank();
  }

  @AssertTrue(message = "grants must give at least one claim value a role while townhall.security.oidc.enabled is "
      + "true, or nobody could sign in through the provider")
  boolean isSomeRoleGranted() {
    return !enabled || grants.stream().anyMatch(g -> g != null && !g.roles().isEmpty());
  }

  @AssertTrue(message = "password-sign-in can be false only while townhall.security.oidc.enabled is true, or "
      + "nobody could sign in")
  boolean isSomeSignInLeft() {
    return passwordSignIn || enabled;
  }

  /** Never the client secret (e.g. in a start-up failure). */
  @Override
  public String toString() {
    return "OidcProperties[enabled=" + enabled + ", providerName=" + providerName + ", issuerUri=" + issuerUri
        + ", clientId=" + clientId + ", claims=" + claims + ", grants=" + grants + "]";
  }
}
