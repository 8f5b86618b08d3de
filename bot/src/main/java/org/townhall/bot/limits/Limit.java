package org.townhall.bot.limits;

/** What is limited, each with its own buckets and its own setting under {@code townhall.limits}. */
public enum Limit {
  /** Web chat conversations started, per client address. */
  CONVERSATION_STARTS("starts"),
  /** Resident messages in one web chat conversation, per conversation. */
  WEBCHAT_MESSAGES("webchat-messages"),
  /** Resident messages (and taps, and edits) from one Telegram chat, per chat. */
  TELEGRAM_MESSAGES("telegram-messages"),
  /** "You're sending messages quickly" notices to one Telegram chat: one a minute, not a setting. */
  TELEGRAM_SLOW_DOWN_NOTICES("telegram-notices"),
  /** Staff sign-in attempts, per user name as typed. */
  SIGN_INS_PER_USER("sign-in-user"),
  /** Staff sign-in attempts, per client address. */
  SIGN_INS_PER_ADDRESS("sign-in-address");

  private final String keyName;

  Limit(String keyName) {
    this.keyName = keyName;
  }

  /** The part of a bucket's key that names the limit (fixed, never client input). */
  String keyName() {
    return keyName;
  }
}
