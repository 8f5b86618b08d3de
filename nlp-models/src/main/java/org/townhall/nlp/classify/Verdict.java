package org.townhall.nlp.classify;

/** What the bot should do with a classification, given the confidence thresholds. */
public enum Verdict {
  /** Confident: answer the best intent. */
  ANSWER,
  /** Unsure: offer the top intents as choices. */
  CLARIFY,
  /** Not understood or out of scope: say so and offer a person. */
  REJECT
}
