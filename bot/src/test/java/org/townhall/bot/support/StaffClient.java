package org.townhall.bot.support;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A member of staff using the console's HTTP API, signed in through the console's login form. */
public class StaffClient extends Http {

  public StaffClient(int port) {
    super(port);
  }

  /** Signs in as the console page does; returns the login response (302 to /console/ on success). */
  public Reply signIn(String username, String password) {
    send(request("/console/login.html").GET());
    String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrf());
    Reply login = send(request("/console/login").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    // Signing in rotates the CSRF token; the console page's first request picks up the new one.
    send(request("/api/console/me").GET());
    return login;
  }

  /**
   * The second step of a sign-in, as the code page does after a right password: returns the response (302
   * to /console/ when the code is right).
   */
  public Reply enterCode(String code) {
    // Loading the page gives the session its CSRF token (the sign-in renewed it).
    send(request("/console/code.html").GET());
    String form = "code=" + enc(code) + "&_csrf=" + enc(csrf());
    Reply entered = send(request("/console/login/code").header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    send(request("/api/console/me").GET());
    return entered;
  }

  /** Signs out as the console's button does; returns the response (302 to the sign-in page). */
  public Reply signOut() {
    return send(request("/console/logout").header("X-XSRF-TOKEN", csrf())
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /**
   * The same browser talking to another instance (as a load balancer without sticky sessions would
   * send it): a new client on {@code port} holding copies of this one's cookies, from then on its own.
   */
  public StaffClient sameBrowserOn(int port) {
    StaffClient other = new StaffClient(port);
    URI there = URI.create(other.base);
    cookies.getCookieStore().getCookies().forEach(c -> other.cookies.getCookieStore().add(there, (HttpCookie) c.clone()));
    return other;
  }

  /** The value of this browser's cookie {@code name}, or empty. */
  public String cookie(String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  /** This browser's cookies as one {@code Cookie} header, for a request made by another HTTP client. */
  public String cookieHeader() {
    return String.join("; ", cookies.getCookieStore().getCookies().stream()
        .map(c -> c.getName() + "=" + c.getValue()).toList());
  }

  public Reply get(String path) {
    return send(request("/api/console" + path).GET());
  }

  public Reply post(String path) {
    return send(request("/api/console" + path).header("X-XSRF-TOKEN", csrf())
        .POST(HttpRequest.BodyPublishers.noBody()));
  }

  public Reply postJson(String path, Object body) {
    return send(request("/api/console" + path).header("X-XSRF-TOKEN", csrf())
        .header("Content-Type", "application/json").POST(json(body)));
  }

  public Reply reply(String conversationId, String text) {
    return postJson("/conversations/" + conversationId + "/messages", Map.of("text", text));
  }

  /** As an ADMIN: the account {@code username} as the administration page lists it. */
  public com.fasterxml.jackson.databind.JsonNode account(String username) {
    for (var account : get("/admin/staff").json()) {
      if (account.path("username").asText().equals(username)) {
        return account;
      }
    }
    throw new AssertionError("no account " + username);
  }

  /** As an ADMIN: what the audit log holds of {@code actor}, newest first, each as "action: detail". */
  public java.util.List<String> auditOf(String actor) {
    java.util.List<String> actions = new java.util.ArrayList<>();
    for (var entry : get("/admin/audit?limit=1000").json()) {
      if (entry.path("actor").asText().equals(actor)) {
        actions.add(entry.path("action").asText() + (entry.hasNonNull("detail") ? ": " + entry.path("detail").asText()
            : ""));
      }
    }
    return actions;
  }

  public String csrf() {
    return cookie("XSRF-TOKEN");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
