package org.townhall.bot.console;

import java.time.Instant;
import org.townhall.bot.conversation.CallBackOutcome;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.ContactDetails;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationState;

/** The JSON shapes of the call-back list. */
final class CallBackViews {

  private CallBackViews() {}

  /**
   * A request in the list: what was left, masked ({@code r…@example.org}, {@code …123}).
   *
   * @param state where the conversation is now (the resident may still be waiting)
   * @param hasMessage whether the resident left a message (read it by opening the request)
   */
  record Item(String conversationId, String reference, Instant leftAt, String channel, ConversationState state,
      String team, String topic, String topicTitle, String email, String phone, boolean hasMessage, String takenBy,
      Instant takenAt, String outcome, String outcomeBy, Instant outcomeAt, int emailsSent, int emailsFailed) {

    static Item of(ConversationRecord c, String topicTitle) {
      CallBackRequest r = c.callBack();
      return new Item(c.id(), r.reference(), r.leftAt(), c.channel(), c.state(), r.team(), r.topic(), topicTitle,
          ContactDetails.maskEmail(r.email()), ContactDetails.maskPhone(r.phone()), r.message() != null, r.takenBy(),
          r.takenAt(), code(r.outcome()), r.outcomeBy(), r.outcomeAt(), r.emailsSent(), r.emailsFailed());
    }
  }

  /** A request opened: everything the resident left, for the member of staff calling or writing back. */
  record Detail(String conversationId, String reference, Instant leftAt, String channel, ConversationState state,
      String team, String topic, String topicTitle, String email, String phone, String message, String takenBy,
      Instant takenAt, String outcome, String outcomeBy, Instant outcomeAt, int emailsSent, int emailsFailed) {

    static Detail of(ConversationRecord c, String topicTitle) {
      CallBackRequest r = c.callBack();
      return new Detail(c.id(), r.reference(), r.leftAt(), c.channel(), c.state(), r.team(), r.topic(), topicTitle,
          r.email(), r.phone(), r.message(), r.takenBy(), r.takenAt(), code(r.outcome()), r.outcomeBy(),
          r.outcomeAt(), r.emailsSent(), r.emailsFailed());
    }
  }

  private static String code(CallBackOutcome outcome) {
    return outcome == null ? null : outcome.code();
  }
}
