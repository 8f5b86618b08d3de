package org.townhall.bot.security;

import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;

/**
 * Turns a person the council's identity provider signed in into a Townhall staff account: created at
 * their first sign-in and brought up to date at each one (roles, teams and the name residents see come
 * from the provider's claims), so that everything a local account has (the per-person lock, presence,
 * the supervisor's load, the name in the transcript) works for them unchanged. Refuses anyone the claims
 * give no role, and never takes over a local account of the same name.
 */
final class SingleSignOnAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

  private final OidcUserService provider = new OidcUserService();
  private final StaffClaims claims;
  private final StaffStore store;

  SingleSignOnAccounts(StaffClaims claims, StaffStore store) {
    this.claims = claims;
    this.store = store;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser person = provider.loadUser(request);
    StaffClaims.Staff staff = claims.read(person.getClaims());
    String issuer = request.getClientRegistration().getProviderDetails().getIssuerUri();
    StaffAccount account = provision(staff, issuer);
    List<GrantedAuthority> roles = account.roles().stream()
        .<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
    return new Staff(roles, person, account.username());
  }

  private StaffAccount provision(StaffClaims.Staff staff, String issuer) {
    Optional<StaffAccount> existing = store.account(staff.username());
    if (existing.isPresent() && !issuer.equals(existing.get().issuer())) {
      throw new SingleSignOnRefused(SingleSignOnRefused.Reason.LOCAL_ACCOUNT, staff.username());
    }
    if (existing.isPresent() && !existing.get().enabled()) {
      // An administrator stopped this person signing in; the provider does not overrule that.
      throw new SingleSignOnRefused(SingleSignOnRefused.Reason.DISABLED, staff.username());
    }
    String displayName = staff.displayName() != null ? staff.displayName()
        : existing.map(StaffAccount::displayName).orElse(null);
    StaffAccount account = new StaffAccount(staff.username(), null, staff.roles(), staff.teams(), true, displayName,
        issuer, null);
    if (existing.isPresent()) {
      store.saveAccount(account);
    } else if (!store.createAccountIfAbsent(account)) {
      // Someone made an account of that name meanwhile: decide again against it.
      return provision(staff, issuer);
    }
    return account;
  }

  /** The person as Townhall names them (the configured claim, lower-cased), with their Townhall roles. */
  static final class Staff extends DefaultOidcUser {

    private final String username;

    Staff(List<GrantedAuthority> roles, OidcUser person, String username) {
      super(roles, person.getIdToken(), person.getUserInfo());
      this.username = username;
    }

    @Override
    public String getName() {
      return username;
    }
  }
}
