package org.townhall.bot.store;

/**
 * The store's own key names in Redis. The conversation feature's keys ({@code conv:<id>},
 * {@code conv:<id>:log}, {@code handoff}, {@code idle}, {@code resident:…}, {@code delivery:…},
 * {@code lock:…}) are named by its Redis conversation store through {@link RedisAccess}.
 */
record RedisKeys(String prefix) {

  String auditLog() {
    return prefix + "audit";
  }

  String conversationAudit(String id) {
    return prefix + "conv:" + id + ":audit";
  }

  String notes(String id) {
    return prefix + "conv:" + id + ":notes";
  }

  String typing(String conversationId) {
    return prefix + "typing:" + conversationId;
  }

  String botPause() {
    return prefix + "bot:pause";
  }

  String presence() {
    return prefix + "presence";
  }

  String staffAccounts() {
    return prefix + "staff";
  }

  String secondFactorRequired() {
    return prefix + "second-factor-required";
  }

  String codeSteps() {
    return prefix + "code-steps";
  }

  String handlingTimes() {
    return prefix + "handling-times";
  }

  String safeguardingEvents() {
    return prefix + "safeguarding";
  }

  /** Answers to the satisfaction question (JSON list, capped): comments redacted, nobody named. */
  String satisfactionEvents() {
    return prefix + "satisfaction";
  }

  /**
   * A staff sign-in session; the id is the random session id, so the key names nobody. Holds the
   * signed-in user name and roles (Spring Security's context), JDK-serialised.
   */
  String staffSession(String sessionId) {
    return prefix + "session:" + sessionId;
  }
}
