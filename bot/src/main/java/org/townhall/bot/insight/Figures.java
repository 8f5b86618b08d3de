package org.townhall.bot.insight;

/** The names of the counted figures (the first part of a counter's name). */
final class Figures {

  /** Contacts: a resident's first message after the start, or after a close. */
  static final String CONTACTS = "contacts";
  /** Messages residents wrote. */
  static final String MESSAGES = "messages";
  /** Messages the bot did not understand. */
  static final String NOT_UNDERSTOOD = "not_understood";
  /** Messages the bot was unsure of and offered choices for. */
  static final String CLARIFIED = "clarified";
  /** Handoffs to the queue, by reason. */
  static final String HANDOFF = "handoff";
  /** Of those, outside office hours, by reason. */
  static final String OUT_OF_HOURS = "handoff_ooh";
  /** Joining the queue to a person taking it, by duration bucket. */
  static final String QUEUE_WAIT = "queue_wait";
  /** Joining the queue to staff's first reply, by duration bucket. */
  static final String FIRST_RESPONSE = "first_response";
  /** Claim to close, by duration bucket. */
  static final String HANDLING = "handling";
  /** Conversations taken (claimed, assigned, taken over), by staff user name. */
  static final String TAKEN_BY = "taken";
  /** Conversations closed while with a member of staff, by user name. */
  static final String CLOSED_BY = "closed_by";
  /** Residents who left the queue before a person came. */
  static final String ABANDONED = "abandoned";
  /** Contacts that ended. */
  static final String CLOSED = "closed";
  /** Of those, ended without the queue or a person. */
  static final String CONTAINED = "contained";
  /** Wrap-up codes staff closed with. */
  static final String WRAP_UP = "wrap_up";
  /** Topics the bot took up, by intent id. */
  static final String TOPIC = "topic";
  /** Topics a resident came back about within the repeat window, by intent id. */
  static final String REPEAT = "repeat";
  /** "Did that help?" answers, by {@code <intent>:yes|no}. */
  static final String HELPED = "helped";

  private Figures() {}
}
