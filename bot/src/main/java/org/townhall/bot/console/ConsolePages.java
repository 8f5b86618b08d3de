package org.townhall.bot.console;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.townhall.bot.security.Roles;

/**
 * The console's start page at {@code /console/} (where staff land after signing in), chosen by role:
 * agents get the queue, editors who are not agents the content pages, administrators who are
 * neither the administration page. The pages themselves come from the handoff-console jar.
 */
@Controller
class ConsolePages {

  private static final String QUEUE = "/console/index.html";
  private static final String CONTENT = "/console/content.html";
  private static final String ADMINISTRATION = "/console/admin.html";
  private static final String INSIGHT = "/console/insight.html";

  @GetMapping("/console")
  String console() {
    return "redirect:/console/";
  }

  @GetMapping("/console/")
  String start(Authentication user) {
    if (has(user, Roles.AGENT)) {
      return "forward:" + QUEUE;
    }
    if (has(user, Roles.EDITOR)) {
      return "redirect:" + CONTENT;
    }
    if (has(user, Roles.ADMIN)) {
      return "redirect:" + ADMINISTRATION;
    }
    if (has(user, Roles.MANAGER)) {
      return "redirect:" + INSIGHT;
    }
    return "forward:" + QUEUE; // anyone else gets the queue's "You cannot open this page"
  }

  private static boolean has(Authentication user, String role) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(("ROLE_" + role)::equals);
  }
}
