package org.townhall.bot.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A sign-in whose password was right and whose one-time code is still to come, and an authenticator
 * secret offered for enrolment until its first code confirms it: both kept in the session, as plain
 * text and an instant (the stored session takes only the JDK's and Spring's classes). Nobody is signed
 * in meanwhile.
 */
final class PendingSignIn {

  /** How long the code page waits for the code before the password must be given again. */
  static final Duration LASTS = Duration.ofMinutes(5);

  private static final String USER = PendingSignIn.class.getName() + ".user";
  private static final String SINCE = PendingSignIn.class.getName() + ".since";
  private static final String OFFERED_SECRET = PendingSignIn.class.getName() + ".offeredSecret";

  private PendingSignIn() {}

  static void start(HttpServletRequest request, String username, Instant now) {
    HttpSession session = request.getSession();
    session.setAttribute(USER, username);
    session.setAttribute(SINCE, now);
    session.removeAttribute(OFFERED_SECRET);
  }

  /** Whose code this session waits for, however long ago (to count an attempt against them). */
  static Optional<String> username(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(USER));
  }

  /** Whose code this session waits for, unless it has waited longer than {@link #LASTS}. */
  static Optional<String> current(HttpServletRequest request, Instant now) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(SINCE) instanceof Instant since)
        || !now.isBefore(since.plus(LASTS))) {
      return Optional.empty();
    }
    return username(request);
  }

  static void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(USER);
      session.removeAttribute(SINCE);
      session.removeAttribute(OFFERED_SECRET);
    }
  }

  /** The secret offered to enrol with in this session, if any. */
  static Optional<String> offeredSecret(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(OFFERED_SECRET));
  }

  /** Offers {@code secret} for enrolment: it becomes the account's once its first code is right. */
  static void offerSecret(HttpServletRequest request, String secret) {
    request.getSession().setAttribute(OFFERED_SECRET, secret);
  }

  static void withdrawOffer(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(OFFERED_SECRET);
    }
  }
}
