package org.townhall.bot.conversation;

/** What can happen to a conversation; the machine decides what each means in each state. */
enum ConversationEvent {
  /** The bot is confident what the resident means. */
  UNDERSTOOD,
  /** The bot has a few guesses: offer them. */
  UNSURE,
  /** The bot does not understand, or the message is outside what the council does. */
  NOT_UNDERSTOOD,
  /** The resident asked for a person. */
  ASKED_FOR_PERSON,
  /** The topic may put someone at risk: hand off at once, with priority. */
  URGENT,
  /** The resident picked one of the offered choices. */
  CHOICE_PICKED,
  /** None of the offered choices fits. */
  SOMETHING_ELSE,
  /** The resident gave the detail the bot asked for (e.g. a valid postcode). */
  DETAIL_GIVEN,
  /** The resident's answer is not a valid detail: ask again, or after two tries offer a way out. */
  DETAIL_INVALID,
  /** The resident chose to go on without the detail: answer in general. */
  DETAIL_SKIPPED,
  /** The resident said whether the last answer helped. */
  FEEDBACK_GIVEN,
  /** The resident asked to start again. */
  RESTARTED,
  /** The resident asked to stop. */
  STOPPED,
  /** The resident wrote while staff have the conversation: record it, say nothing. */
  RESIDENT_WROTE,
  /** The resident asked to go back to the bot while waiting. */
  RESIDENT_CANCELLED,
  /** The resident wrote to a closed conversation: start over. */
  REOPENED,
  AGENT_CLAIMED,
  AGENT_REPLIED,
  AGENT_RELEASED,
  /** Staff passed the conversation to another team's queue. */
  AGENT_TRANSFERRED,
  /** A supervisor gave the conversation to a named member of staff (waiting, or from a colleague). */
  AGENT_ASSIGNED,
  /** A supervisor took the conversation from the bot while it was answering, without a handoff first. */
  AGENT_TOOK_OVER,
  /** The resident has waited, unclaimed, past the call-back offer time. */
  WAIT_EXCEEDED,
  /**
   * The resident left an email address or phone number for a reply after they have gone: while
   * waiting for, or with, staff.
   */
  CONTACT_LEFT,
  /** The bot is paused (the kill switch): the resident goes straight to the staff queue. */
  BOT_PAUSED,
  CLOSED,
  /**
   * The resident's message discloses danger (the safeguarding check, which runs first in every
   * state): the help first, then an urgent handoff or, while waiting or with staff, the concern raised.
   */
  DISCLOSED,
  /** Nobody wrote for the configured idle time. */
  TIMED_OUT
}
