package org.townhall.bot.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.townhall.bot.privacy.Redactor;
import org.townhall.bot.store.SatisfactionEvent;

/**
 * The short satisfaction question after a member of staff closes a conversation they had: "How
 * satisfied…?" 1 to 5, then an optional comment. An answer that is not 1 to 5 is asked about once
 * more; a second one drops the question, and the message is the bot's like any other. The figures get
 * the rating and the comment redacted ({@link Redactor}), with the team, never who the resident is;
 * the comment as written stays in the transcript only.
 */
@Component
class SatisfactionSurvey {

  static final List<String> RATINGS = List.of("1", "2", "3", "4", "5");
  /** The longest comment kept for the figures, in characters; the transcript keeps it whole. */
  static final int COMMENT_KEPT = 500;
  private static final String RATING_STEP = "rating";
  private static final String COMMENT_STEP = "comment";
  /** "4", "4.", "4/5", "4 out of 5": a rating; "6", "0", "⭐⭐⭐⭐" or words are not. */
  private static final Pattern RATING = Pattern.compile(
      "\\s*([1-5])\\s*(?:(?:/|out of|of)\\s*5\\s*)?[.!]?\\s*", Pattern.CASE_INSENSITIVE);
  private static final java.util.Set<String> NO_COMMENT = java.util.Set.of("skip", "no", "no thanks", "no thank you",
      "nothing", "none", "n a", "nope");

  private final SurveyProperties properties;
  private final Redactor redactor;

  SatisfactionSurvey(SurveyProperties properties, Redactor redactor) {
    this.properties = properties;
    this.redactor = redactor;
  }

  /** After staff closed a conversation they had: the question, if the council asks it. */
  void ask(Turn turn, String team) {
    if (!properties.enabled()) {
      return;
    }
    forget(turn.attributes());
    turn.attributes().put(Attributes.SURVEY_STEP, RATING_STEP);
    turn.attributes().put(Attributes.SURVEY_TEAM, team);
    turn.attributes().put(Attributes.SURVEY_ASKED_AT, turn.now().toString());
    turn.say(Sender.BOT, properties.question(), RATINGS);
  }

  /**
   * Whether the resident's message answers the question: it is still open (closed, asked within
   * {@code answer-within}), and the message is not a command that works at every step.
   */
  boolean awaits(ConversationRecord conversation, String text, Instant now) {
    String step = conversation.attributes().get(Attributes.SURVEY_STEP);
    String askedAt = conversation.attributes().get(Attributes.SURVEY_ASKED_AT);
    if (!properties.enabled() || conversation.state() != ConversationState.CLOSED || step == null
        || askedAt == null) {
      return false;
    }
    if (Duration.between(Instant.parse(askedAt), now).compareTo(properties.answerWithin()) > 0) {
      return false;
    }
    return !(Commands.restarts(text) || Commands.stops(text) || Commands.asksForPerson(text)
        || Commands.personRequestIn(text).isPresent());
  }

  /**
   * What the message does to the question.
   *
   * @param attributes the conversation's, after this step
   * @param replies the bot's lines
   * @param recorded for the figures, or null
   */
  record Step(Map<String, String> attributes, List<TranscriptEntry> replies, SatisfactionEvent recorded) {}

  /** The step for an answer (see {@link #awaits}); empty when the question is dropped. */
  Optional<Step> answer(ConversationRecord conversation, String text, Instant now) {
    Map<String, String> attributes = new HashMap<>(conversation.attributes());
    String team = attributes.get(Attributes.SURVEY_TEAM);
    if (COMMENT_STEP.equals(attributes.get(Attributes.SURVEY_STEP))) {
      forget(attributes);
      SatisfactionEvent comment = declines(text) ? null
          : SatisfactionEvent.comment(now, conversation.channel(), team, kept(text));
      return Optional.of(new Step(attributes, List.of(bot(properties.thanks(), List.of(), now)), comment));
    }
    Integer rating = rating(text);
    if (rating == null) {
      if (attributes.containsKey(Attributes.SURVEY_TRIES)) {
        return Optional.empty();
      }
      attributes.put(Attributes.SURVEY_TRIES, "1");
      return Optional.of(new Step(attributes, List.of(bot(properties.askAgain(), RATINGS, now)), null));
    }
    attributes.remove(Attributes.SURVEY_TRIES);
    attributes.put(Attributes.SURVEY_STEP, COMMENT_STEP);
    attributes.put(Attributes.SURVEY_RATING, rating.toString());
    return Optional.of(new Step(attributes, List.of(bot(properties.commentQuestion(), List.of(properties.skipLabel()),
        now)), SatisfactionEvent.rating(now, conversation.channel(), team, rating)));
  }

  /** The rating a message gives, 1 to 5, or null. */
  static Integer rating(String text) {
    Matcher m = RATING.matcher(text);
    return m.matches() ? Integer.valueOf(m.group(1)) : null;
  }

  private boolean declines(String text) {
    String said = Commands.normalise(text);
    return said.isEmpty() || NO_COMMENT.contains(said) || said.equals(Commands.normalise(properties.skipLabel()));
  }

  private String kept(String comment) {
    String redacted = redactor.redact(comment).strip();
    return redacted.codePointCount(0, redacted.length()) <= COMMENT_KEPT ? redacted
        : redacted.substring(0, redacted.offsetByCodePoints(0, COMMENT_KEPT)) + "…";
  }

  private static TranscriptEntry bot(String text, List<String> options, Instant now) {
    return TranscriptEntry.draft(Sender.BOT, text, options, now);
  }

  /** The open question's context; the rating given stays for staff until the conversation reopens. */
  static void forget(Map<String, String> attributes) {
    attributes.remove(Attributes.SURVEY_STEP);
    attributes.remove(Attributes.SURVEY_TRIES);
    attributes.remove(Attributes.SURVEY_TEAM);
    attributes.remove(Attributes.SURVEY_ASKED_AT);
  }
}
