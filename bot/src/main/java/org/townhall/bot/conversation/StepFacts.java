package org.townhall.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.townhall.bot.handoff.HandoffTicket;

/**
 * What one committed change meant for the managers' figures, read from the conversation before and
 * after it: never message text. Each fact is set only by the change that caused it, so counting
 * facts as changes are published counts each thing once (a redelivered message commits nothing).
 *
 * @param conversationId the conversation
 * @param channel where the resident writes (webchat, telegram, email)
 * @param channelUserId who the resident is on that channel; for a short-lived, hashed repeat-contact mark only
 * @param at when the change was committed
 * @param started the resident's first message of a contact (after the start, or after a close)
 * @param contactStartedAt when the current contact started (null before the resident wrote)
 * @param residentMessages how many lines the resident wrote in this change
 * @param topicAsked the topic (intent id) the bot took up in this change: answered, asked a detail
 *     for, or handed on as urgent; null if none
 * @param handedOff why this change put the conversation in the queue (asked_for_person,
 *     not_understood, urgent, safeguarding, bot_paused, taken_over, or not_helped: asked for a person
 *     after saying the answer did not help); null if it did not
 * @param outOfHours the handoff came outside office hours
 * @param team the team it is (or was, just before) in the queue of; null while the bot has it
 * @param topic the topic the conversation is about, or null
 * @param queueWaitSeconds from joining the queue to a person taking it, the first time in a contact
 * @param firstResponseSeconds from joining the queue to staff's first reply, when this change is that reply
 * @param takenBy who took it in this change (claim, assignment, take-over), or null
 * @param abandoned the resident left the queue (went back to the bot or stopped) before a person came
 * @param closed the contact ended (closed by staff or the resident, or timed out)
 * @param contained it ended without a person ever having it, nor the resident waiting for one
 * @param handlingSeconds from claim to close, when staff closed it
 * @param handledBy who had it when it closed, or null
 * @param wrapUp the wrap-up code staff closed it with, or null
 * @param feedback "Did that help?" answers given in this change: topic to yes or no
 */
public record StepFacts(String conversationId, String channel, String channelUserId, Instant at,
    boolean started, Instant contactStartedAt, int residentMessages, String topicAsked, String handedOff,
    boolean outOfHours, String team, String topic, Long queueWaitSeconds, Long firstResponseSeconds,
    String takenBy, boolean abandoned, boolean closed, boolean contained, Long handlingSeconds,
    String handledBy, String wrapUp, Map<String, String> feedback) {

  private static final String OUT_OF_HOURS = ",out_of_hours";

  public StepFacts {
    feedback = Map.copyOf(feedback);
  }

  static StepFacts of(ConversationRecord before, ConversationRecord after, java.util.List<TranscriptEntry> appended) {
    Map<String, String> was = before == null ? Map.of() : before.attributes();
    Map<String, String> now = after.attributes();
    int resident = (int) appended.stream().filter(TranscriptEntry::fromResident).count();
    boolean started = resident > 0 && (before == null || before.state() == ConversationState.CLOSED
        || !was.containsKey(Episodes.STARTED_AT));
    String startedAt = after.state() == ConversationState.CLOSED ? was.get(Episodes.STARTED_AT)
        : now.get(Episodes.STARTED_AT);

    String topicAsked = null;
    String lastNow = now.get(Attributes.LAST_INTENT);
    boolean newFeedbackQuestion = now.containsKey(Attributes.AWAITING_FEEDBACK)
        && !Objects.equals(now.get(Attributes.AWAITING_FEEDBACK), was.get(Attributes.AWAITING_FEEDBACK));
    if (resident > 0 && lastNow != null
        && (!lastNow.equals(was.get(Attributes.LAST_INTENT)) || newFeedbackQuestion || started)) {
      topicAsked = lastNow;
    }

    HandoffTicket ticket = after.handoff();
    String handedOff = null;
    boolean outOfHours = false;
    boolean wasQueued = before != null && before.handoff() != null;
    if (ticket != null && !wasQueued) {
      String reason = ticket.reason() == null ? "other" : ticket.reason();
      outOfHours = reason.endsWith(OUT_OF_HOURS);
      handedOff = outOfHours ? reason.substring(0, reason.length() - OUT_OF_HOURS.length()) : reason;
      String lastBefore = was.get(Attributes.LAST_INTENT);
      if (handedOff.equals("asked_for_person") && lastBefore != null
          && "no".equals(was.get(Attributes.FEEDBACK_PREFIX + lastBefore))) {
        handedOff = "not_helped";
      }
    }
    String team = ticket != null ? ticket.team() : wasQueued ? before.handoff().team() : null;

    boolean hadPerson = was.containsKey(Episodes.PERSON) && before.state() != ConversationState.CLOSED;
    String takenBy = after.owner() != null && !after.owner().equals(before == null ? null : before.owner())
        ? after.owner() : null;
    Long queueWait = null;
    if (takenBy != null && wasQueued && before.state() == ConversationState.AWAITING_AGENT && !hadPerson) {
      queueWait = Math.max(0, Duration.between(before.handoff().waitingSince(), after.updatedAt()).toSeconds());
    }
    Long firstResponse = now.containsKey(Attributes.FIRST_RESPONSE_SECONDS)
        && !was.containsKey(Attributes.FIRST_RESPONSE_SECONDS)
        ? Long.valueOf(now.get(Attributes.FIRST_RESPONSE_SECONDS)) : null;

    boolean closed = after.state() == ConversationState.CLOSED && before != null
        && before.state() != ConversationState.CLOSED;
    boolean abandoned = before != null && before.state() == ConversationState.AWAITING_AGENT && !hadPerson
        && resident > 0 && (after.state().withBot() || after.state() == ConversationState.CLOSED);
    boolean contained = closed && !was.containsKey(Episodes.QUEUED) && !was.containsKey(Episodes.PERSON)
        && was.containsKey(Episodes.STARTED_AT);
    Long handling = null;
    String handledBy = null;
    if (closed && before.owner() != null) {
      handledBy = before.owner();
      String claimedAt = was.get(Attributes.CLAIMED_AT);
      if (claimedAt != null) {
        handling = Math.max(0, Duration.between(Instant.parse(claimedAt), after.updatedAt()).toSeconds());
      }
    }
    String wrapUp = closed ? now.get(Attributes.WRAP_UP) : null;

    Map<String, String> feedback = new TreeMap<>();
    now.forEach((key, value) -> {
      if (!key.startsWith(Attributes.FEEDBACK_PREFIX)) {
        return;
      }
      String intent = key.substring(Attributes.FEEDBACK_PREFIX.length());
      // Answered now: the question about it was open and is not any more (the same answer again counts again).
      boolean answeredNow = intent.equals(was.get(Attributes.AWAITING_FEEDBACK))
          && !intent.equals(now.get(Attributes.AWAITING_FEEDBACK));
      if (resident > 0 && (answeredNow || !value.equals(was.get(key)))) {
        feedback.put(intent, value);
      }
    });
    return new StepFacts(after.id(), after.channel(), after.channelUserId(), after.updatedAt(), started,
        startedAt == null ? null : Instant.parse(startedAt), resident, topicAsked, handedOff, outOfHours, team,
        HandlingHistory.of(after).topic(), queueWait, firstResponse, takenBy, abandoned, closed, contained,
        handling, handledBy, wrapUp, feedback);
  }
}
