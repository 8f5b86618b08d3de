package org.townhall.bot.console;

import java.time.Instant;
import org.townhall.bot.conversation.CallBackOutcome;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.ContactDetails;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationState;

/** The JSON shape of the call-back list: one request, listed (masked) or opened (in full). */
final class CallBackViews {

  private CallBackViews() {}

  /**
   * A resident's request for a reply.
   *
   * @param state where the conversation is now (the resident may still be waiting)
   * @param email the address, masked in the list ({@code r…@example.org})
   * @param phone the number, masked in the list ({@code …123})
   * @param message the resident's message once opened; absent from the list
   * @param hasMessage whether there is a message (read it by opening the request)
   */
  record CallBack(String conversationId, String reference, Instant leftAt, String channel, ConversationState state,
      String team, String topic, String topicTitle, String email, String phone, String message, boolean hasMessage,
      String takenBy, Instant takenAt, String outcome, String outcomeBy, Instant outcomeAt, int emailsSent,
      int emailsFailed) {

    /** As the list shows it: the details masked, the message left out. */
    static CallBack listed(ConversationRecord c, String topicTitle) {
      CallBackRequest r = c.callBack();
      return of(c, topicTitle, ContactDetails.maskEmail(r.email()), ContactDetails.maskPhone(r.phone()), null);
    }

    /** Opened by a member of staff about to call or write back: everything the resident left. */
    static CallBack opened(ConversationRecord c, String topicTitle) {
      CallBackRequest r = c.callBack();
      return of(c, topicTitle, r.email(), r.phone(), r.message());
    }

    private static CallBack of(ConversationRecord c, String topicTitle, String email, String phone, String message) {
      CallBackRequest r = c.callBack();
      CallBackOutcome outcome = r.outcome();
      return new CallBack(c.id(), r.reference(), r.leftAt(), c.channel(), c.state(), r.team(), r.topic(), topicTitle,
          email, phone, message, r.message() != null, r.takenBy(), r.takenAt(), outcome == null ? null : outcome.code(),
          r.outcomeBy(), r.outcomeAt(), r.emailsSent(), r.emailsFailed());
    }
  }
}
