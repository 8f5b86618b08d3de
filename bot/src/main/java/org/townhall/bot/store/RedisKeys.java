package org.townhall.bot.store;

/** The store's key names in Redis; see {@link RedisConversationStore} for what each holds. */
record RedisKeys(String prefix) {

  String conversation(String id) {
    return prefix + "conv:" + id;
  }

  String transcript(String id) {
    return prefix + "conv:" + id + ":log";
  }

  String handoffQueue() {
    return prefix + "handoff";
  }

  String idle() {
    return prefix + "idle";
  }

  /** A resident's conversations on a channel; the user id is hashed so keys never show it. */
  String resident(String channel, String channelUserId) {
    return prefix + "resident:" + channel + ":" + Sha256.hex(channelUserId);
  }

  String delivery(String key) {
    return prefix + "delivery:" + key;
  }

  String lock(String id) {
    return prefix + "lock:" + id;
  }

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

  String handlingTimes() {
    return prefix + "handling-times";
  }

  String safeguardingEvents() {
    return prefix + "safeguarding";
  }

  /**
   * A staff sign-in session; the id is the random session id, so the key names nobody. Holds the
   * signed-in user name and roles (Spring Security's context), JDK-serialised.
   */
  String staffSession(String sessionId) {
    return prefix + "session:" + sessionId;
  }
}
