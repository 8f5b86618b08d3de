package org.townhall.bot.support;

import java.net.HttpCookie;
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
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue)
        .findFirst()
        .orElse("");
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
