package org.townhall.nlp.safeguarding;

/**
 * A message that discloses danger.
 *
 * @param category the safeguarding category's id, e.g. {@code suicide_self_harm}
 * @param evidence what recognised it
 * @param confidence the model's confidence in the category (1 for trigger words)
 */
public record Concern(String category, Evidence evidence, double confidence) {

  /** What recognised a concern. */
  public enum Evidence {
    /** One of the category's trigger word sets ("kill myself"). */
    WORDS,
    /** The safeguarding model: its confidence in "none of these" fell below the threshold. */
    MODEL
  }
}
