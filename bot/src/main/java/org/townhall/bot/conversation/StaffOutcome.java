package org.townhall.bot.conversation;


/**
 * The result of a staff action.
 *
 * @param result what happened
 * @param conversation the conversation as it now is (null if not found)
 * @param reason a sentence for the member of staff when the action was refused
 */
public record StaffOutcome(Result result, ConversationRecord conversation, String reason) {

  public enum Result {
    DONE,
    NOT_FOUND,
    /** The conversation is not in a state that allows it, e.g. someone else claimed it first. */
    CONFLICT
  }

  static StaffOutcome done(ConversationRecord conversation) {
    return new StaffOutcome(Result.DONE, conversation, null);
  }

  static StaffOutcome notFound() {
    return new StaffOutcome(Result.NOT_FOUND, null, "No such conversation.");
  }

  static StaffOutcome conflict(ConversationRecord conversation, String reason) {
    return new StaffOutcome(Result.CONFLICT, conversation, reason);
  }
}
