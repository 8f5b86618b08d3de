package org.townhall.nlp.classify;

import java.util.Objects;

/**
 * One training or evaluation example: a message and the intent it means.
 *
 * @param text the message as a resident wrote it; must not be null
 * @param intent the intent id, or {@link #OUT_OF_SCOPE} for a message the council does not handle
 */
public record LabeledText(String text, String intent) {

  /** The label of messages the council does not handle (CLINC150's convention). */
  public static final String OUT_OF_SCOPE = "oos";

  public LabeledText {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(intent, "intent");
  }

  public boolean outOfScope() {
    return OUT_OF_SCOPE.equals(intent);
  }
}
