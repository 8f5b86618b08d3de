package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What the sign-in pages need before anyone is signed in: the ways to sign in, and the one-time code step. */
@RestController
class SignInController {

  private final OidcProperties singleSignOn;
  private final SecondFactorSignIn secondFactor;

  SignInController(OidcProperties singleSignOn, SecondFactorSignIn secondFactor) {
    this.singleSignOn = singleSignOn;
    this.secondFactor = secondFactor;
  }

  /** How staff sign in here: with a password, and/or through the council's identity provider. */
  record SignInOptions(boolean passwords, Provider singleSignOn) {}

  /** "Sign in with {@code name}": where the button goes. */
  record Provider(String name, String url) {}

  @GetMapping("/api/console/sign-in")
  SignInOptions options() {
    return new SignInOptions(singleSignOn.passwordSignIn(),
        singleSignOn.enabled() ? new Provider(singleSignOn.providerName(), SingleSignOn.START) : null);
  }

  /** The code page: whether this session waits for a code, and the enrolment to make first, if any. */
  @GetMapping("/api/console/sign-in/code")
  SecondFactorSignIn.CodePage codePage(HttpServletRequest request) {
    return secondFactor.page(request);
  }

  /** The code page's form: signed in and on to the console, back to the code page, or back to the start. */
  @PostMapping("/console/login/code")
  ResponseEntity<Void> enter(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
      HttpServletResponse response) {
    String next = switch (secondFactor.enter(request, response, code)) {
      case SIGNED_IN -> "/console/";
      case WRONG_CODE -> SecondFactorSignIn.CODE_PAGE + "?error";
      case START_AGAIN -> "/console/login.html?expired";
    };
    return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(request.getContextPath() + next)).build();
  }
}
