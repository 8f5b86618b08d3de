package org.townhall.bot.conversation;

/**
 * Names of the small dialogue context kept with a conversation (never message text, which lives in
 * the transcript only).
 */
final class Attributes {

  /** Prefix of offered choices: {@code choice.<label>} = intent id. */
  static final String CHOICE_PREFIX = "choice.";
  /** Prefix of collected details: {@code slot.postcode} = "CF10 1EP". */
  static final String SLOT_PREFIX = "slot.";
  /** Prefix of recorded feedback: {@code feedback.<intent>} = yes | no. */
  static final String FEEDBACK_PREFIX = "feedback.";
  /** The intent waiting for a detail while COLLECTING. */
  static final String PENDING_INTENT = "pendingIntent";
  /** How many replies to the pending question were not a usable detail. */
  static final String DETAIL_TRIES = "detailTries";
  /** The intent whose answer the bot asked "Did that help?" about. */
  static final String AWAITING_FEEDBACK = "awaitingFeedback";
  /** The last intent answered; routes a later handoff to the right team. */
  static final String LAST_INTENT = "lastIntent";
  /** Seconds from the start of waiting to staff's first reply, in the current handoff. */
  static final String FIRST_RESPONSE_SECONDS = "firstResponseSeconds";
  /** When the member of staff who has it claimed it (ISO instant): handling time runs from here to the close. */
  static final String CLAIMED_AT = "claimedAt";
  /** How staff closed the conversation: resolved, signposted, call_back, duplicate, … */
  static final String WRAP_UP = "wrapUp";
  /** The reference given to a resident offered a call-back after a long wait. */
  static final String CALL_BACK_REFERENCE = "callBackReference";
  /** The safeguarding category raised on the conversation (by the check, or by staff). */
  static final String SAFEGUARDING_CATEGORY = "safeguarding.category";
  /** The seq of the resident's line that raised it (absent when staff marked it). */
  static final String SAFEGUARDING_SEQ = "safeguarding.seq";
  /** When the concern was last raised, ISO-8601. */
  static final String SAFEGUARDING_RAISED_AT = "safeguarding.raisedAt";
  /** How many times it was raised: a rise tells the console to alert again. */
  static final String SAFEGUARDING_RAISES = "safeguarding.raises";
  /** Since when the concern waits for staff's first reply (removed by that reply, or on close). */
  static final String SAFEGUARDING_AWAITING_REPLY = "safeguarding.awaitingReplySince";
  /** Who marked it, when staff did. */
  static final String SAFEGUARDING_MARKED_BY = "safeguarding.markedBy";
  /**
   * The seq of the resident's last message that asked the bot something (not a command, not a reply
   * to its question): what a later "No" to "Did that help?", a picked choice or staff's topic is about.
   */
  static final String QUESTION_SEQ = "questionSeq";
  /** The satisfaction question open after staff closed it: rating | comment. */
  static final String SURVEY_STEP = "survey.step";
  /** Present once an answer was not 1 to 5 and the question was asked again. */
  static final String SURVEY_TRIES = "survey.tries";
  /** The team that had the conversation, for the figures. */
  static final String SURVEY_TEAM = "survey.team";
  /** When the question was asked, ISO-8601: a much later message is a new question. */
  static final String SURVEY_ASKED_AT = "survey.askedAt";
  /** The resident's rating, 1 to 5, shown to staff on the closed conversation. */
  static final String SURVEY_RATING = "survey.rating";
  /**
   * The seq of the bot's question "Delete everything?" after the resident asked for their data to be
   * deleted: a "Yes" to it erases the conversation ({@link Erasure}), anything else drops the question.
   */
  static final String ERASURE_ASKED = "erasureAsked";
  /** Failed understandings in a row. */
  static final String MISSES = "misses";

  private Attributes() {}
}
