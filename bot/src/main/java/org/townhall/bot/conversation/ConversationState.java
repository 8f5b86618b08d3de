package org.townhall.bot.conversation;

/** Where a conversation is. */
public enum ConversationState {
  /** The bot answers. */
  BOT,
  /** The bot offered the resident a few choices ("Did you mean…"). */
  CLARIFYING,
  /** The bot asked for a detail it needs to answer (e.g. a postcode). */
  COLLECTING,
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

  /** True while the bot is talking with the resident (answering, clarifying or collecting). */
  public boolean withBot() {
    return this == BOT || this == CLARIFYING || this == COLLECTING;
  }

  /**
   * The state as the public web chat API shows it: BOT, AWAITING_AGENT, WITH_AGENT or CLOSED. The
   * bot's own sub-states are details of BOT.
   */
  public String publicName() {
    return withBot() ? BOT.name() : name();
  }
}
