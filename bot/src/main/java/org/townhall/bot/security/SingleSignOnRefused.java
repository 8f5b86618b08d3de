package org.townhall.bot.security;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/**
 * The provider said who the person is, and Townhall will not sign them in: the sign-in page says why
 * ({@code login.html?refused=<code>}) and the audit log records it.
 */
final class SingleSignOnRefused extends OAuth2AuthenticationException {

  enum Reason {
    NO_USERNAME("no-username", "no usable user name in the provider's claims"),
    NO_ROLE("no-role", "no Townhall role in the provider's claims"),
    LOCAL_ACCOUNT("local-account", "the user name belongs to a local account"),
    DISABLED("disabled", "account disabled");

    /** What the sign-in page is told (it has a sentence for each). */
    final String code;
    final String audited;

    Reason(String code, String audited) {
      this.code = code;
      this.audited = audited;
    }
  }

  final Reason reason;
  /** As the provider gave it, lower-cased (possibly empty or unusable: only for the audit log). */
  final String username;

  SingleSignOnRefused(Reason reason, String username) {
    super(new OAuth2Error("townhall_" + reason.code.replace('-', '_')), reason.audited);
    this.reason = reason;
    this.username = username;
  }
}
