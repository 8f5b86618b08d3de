package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the bot understood in a conversation, for staff who take it over so that they need not ask
 * again. A typed reading of the conversation's dialogue context, whose keys stay this feature's own.
 *
 * @param topic the topic the handoff is about, or else the last one answered; null if none
 * @param latestGuesses the classifier's ranking for the resident's latest classified message, best first
 * @param details details the resident gave, by slot (e.g. {@code postcode})
 * @param answersGiven topics the bot answered, and whether the resident said it helped
 * @param firstResponseSeconds from the start of waiting to staff's first reply, once there is one
 * @param wrapUp how staff closed it, once they have
 * @param callBackReference the reference a long-waiting resident was given with a call-back offer
 * @param contactLeft what the resident left for a reply after they have gone: {@code email} and/or
 *     {@code phone} (the details themselves are in the call-back list), empty if nothing
 */
public record Understood(String topic, List<Guess> latestGuesses, Map<String, String> details,
    List<AnswerGiven> answersGiven, Long firstResponseSeconds, String wrapUp, String callBackReference,
    List<String> contactLeft) {

  /**
   * A topic the bot answered.
   *
   * @param intent the topic
   * @param helped {@code yes} or {@code no} as the resident said, or null if they did not say
   */
  public record AnswerGiven(String intent, String helped) {}

  public Understood {
    latestGuesses = List.copyOf(latestGuesses);
    details = Map.copyOf(details);
    answersGiven = List.copyOf(answersGiven);
    contactLeft = List.copyOf(contactLeft);
  }

  static Understood of(ConversationRecord c, List<TranscriptEntry> transcript) {
    Map<String, String> attributes = c.attributes();
    List<Guess> latest = List.of();
    for (TranscriptEntry line : transcript) {
      if (line.from() == Sender.RESIDENT && !line.guesses().isEmpty()) {
        latest = line.guesses();
      }
    }
    Map<String, String> details = new TreeMap<>();
    List<AnswerGiven> answered = new ArrayList<>();
    attributes.forEach((key, value) -> {
      if (key.startsWith(Attributes.SLOT_PREFIX)) {
        details.put(key.substring(Attributes.SLOT_PREFIX.length()), value);
      } else if (key.startsWith(Attributes.FEEDBACK_PREFIX)) {
        answered.add(new AnswerGiven(key.substring(Attributes.FEEDBACK_PREFIX.length()), value));
      }
    });
    answered.sort(java.util.Comparator.comparing(AnswerGiven::intent));
    String last = attributes.get(Attributes.LAST_INTENT);
    if (last != null && answered.stream().noneMatch(a -> a.intent().equals(last))) {
      answered.add(new AnswerGiven(last, null));
    }
    String firstResponse = attributes.get(Attributes.FIRST_RESPONSE_SECONDS);
    return new Understood(topicOf(c), latest, details, answered,
        firstResponse == null ? null : Long.valueOf(firstResponse), attributes.get(Attributes.WRAP_UP),
        c.callBack() != null ? c.callBack().reference() : attributes.get(Attributes.CALL_BACK_REFERENCE),
        contactLeft(c.callBack()));
  }

  private static List<String> contactLeft(CallBackRequest left) {
    List<String> kinds = new ArrayList<>();
    if (left != null && left.hasEmail()) {
      kinds.add("email");
    }
    if (left != null && left.hasPhone()) {
      kinds.add("phone");
    }
    return kinds;
  }

  /** The topic the handoff is about, or else the last one answered; null if none. */
  static String topicOf(ConversationRecord c) {
    return c.handoff() != null && c.handoff().topic() != null ? c.handoff().topic()
        : c.attributes().get(Attributes.LAST_INTENT);
  }
}
