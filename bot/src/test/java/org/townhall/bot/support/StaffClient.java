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

  public String csrf() {
    return cookie("XSRF-TOKEN");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
