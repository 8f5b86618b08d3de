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
}
