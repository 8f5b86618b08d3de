package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.List;

/**
 * A resident's message the bot did not serve well, or what later showed what it meant: published
 * after the change that showed it is committed, so that editors can teach the bot. Carries the
 * resident's own words: a listener that keeps them must redact them first.
 *
 * @param conversationId the conversation
 * @param seq the resident's message's place in its transcript; with the conversation, it names the message
 * @param channel where the resident wrote (web, telegram)
 * @param why what happened to the message
 * @param text the resident's message as they wrote it
 * @param guesses what the classifier thought of it, best first (possibly empty)
 * @param intent for {@link Why#PICKED} the choice the resident picked, for {@link Why#TOPIC_RECORDED}
 *     the topic staff recorded, for {@link Why#SAFEGUARDING_MISSED} the safeguarding category staff
 *     marked; otherwise null
 * @param at when it happened
 */
public record ResidentNotServed(String conversationId, long seq, String channel, Why why, String text,
    List<Guess> guesses, String intent, Instant at) {

  public ResidentNotServed {
    guesses = List.copyOf(guesses);
  }

  /** What happened to the message. */
  public enum Why {
    /** The bot did not understand it. */
    NOT_UNDERSTOOD,
    /** The bot was unsure and offered choices. */
    CLARIFIED,
    /** The resident picked one of the choices it offered ({@code intent}). */
    PICKED,
    /** The resident answered "No" to "Did that help?" after its answer. */
    NOT_HELPED,
    /** The conversation went to a person about it. */
    HANDED_TO_PERSON,
    /** Staff closing the conversation recorded what it was about ({@code intent}). */
    TOPIC_RECORDED,
    /**
     * Staff marked a safeguarding concern the check had not raised ({@code intent}: the category): one
     * of the resident's recent messages is a disclosure the safeguarding check missed.
     */
    SAFEGUARDING_MISSED
  }
}
