package org.townhall.bot.conversation;

/** Where a conversation is. */
public enum ConversationState {
  /** The bot answers. */
  BOT,
  /** Handed off: waiting for a member of staff; the bot stays silent. */
  AWAITING_AGENT,
  /** A member of staff has it; the bot stays silent. */
  WITH_AGENT,
  /** Finished; a new message from the resident starts over with the bot. */
  CLOSED;

  /** True while staff own the conversation's replies (the silence rule). */
  public boolean withStaff() {
    return this == AWAITING_AGENT || this == WITH_AGENT;
  }
}
