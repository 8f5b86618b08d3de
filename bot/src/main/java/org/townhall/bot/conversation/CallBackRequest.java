package org.townhall.bot.conversation;

import java.time.Instant;

/**
 * What a resident left for a reply when staff answer after they have gone, and what became of it:
 * kept with its conversation (so deleted with it, after {@code townhall.retention.conversations}),
 * never in its transcript. Personal data: {@link #toString()} masks it, so it cannot reach a log.
 *
 * @param reference the reference the resident was given ({@link ConversationReferences#of}), the same as
 *     a call-back offer's
 * @param email the address to email staff replies to, or null
 * @param phone a UK number to call back (digits from the trunk 0), or null
 * @param message the resident's short message, or null
 * @param leftAt when they left it
 * @param team the team the conversation was waiting for then
 * @param topic the topic it was about then (an intent id), or null
 * @param takenBy the member of staff who took the call-back on, or null
 * @param takenAt when they did
 * @param outcome how staff settled it, or null while it is open
 * @param outcomeBy who set the outcome
 * @param outcomeAt when
 * @param emailsSent staff replies emailed to the resident
 * @param emailsFailed staff replies that could not be emailed after every attempt
 */
public record CallBackRequest(String reference, String email, String phone, String message, Instant leftAt,
    String team, String topic, String takenBy, Instant takenAt, CallBackOutcome outcome, String outcomeBy,
    Instant outcomeAt, int emailsSent, int emailsFailed) {

  static CallBackRequest left(String reference, ContactDetails details, Instant at, String team, String topic) {
    return new CallBackRequest(reference, details.email(), details.phone(), details.message(), at, team, topic,
        null, null, null, null, null, 0, 0);
  }

  CallBackRequest takenBy(String staff, Instant at) {
    return new CallBackRequest(reference, email, phone, message, leftAt, team, topic, staff, at, outcome,
        outcomeBy, outcomeAt, emailsSent, emailsFailed);
  }

  CallBackRequest settled(CallBackOutcome newOutcome, String staff, Instant at) {
    return new CallBackRequest(reference, email, phone, message, leftAt, team, topic, takenBy, takenAt, newOutcome,
        staff, at, emailsSent, emailsFailed);
  }

  CallBackRequest emailed(boolean sent) {
    return new CallBackRequest(reference, email, phone, message, leftAt, team, topic, takenBy, takenAt, outcome,
        outcomeBy, outcomeAt, emailsSent + (sent ? 1 : 0), emailsFailed + (sent ? 0 : 1));
  }

  /** Whether the resident left an address that replies can be emailed to. */
  public boolean hasEmail() {
    return email != null;
  }

  public boolean hasPhone() {
    return phone != null;
  }

  @Override
  public String toString() {
    return "CallBackRequest[reference=" + reference + ", email=" + ContactDetails.maskEmail(email) + ", phone="
        + ContactDetails.maskPhone(phone) + ", message=" + (message == null ? "none" : "(hidden)") + ", leftAt="
        + leftAt + ", team=" + team + ", takenBy=" + takenBy + ", outcome=" + outcome + ", emailsSent=" + emailsSent
        + ", emailsFailed=" + emailsFailed + "]";
  }
}
