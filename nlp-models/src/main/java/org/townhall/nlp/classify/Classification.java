package org.townhall.nlp.classify;

import java.util.List;

/**
 * The ranked outcome of classifying one message: best first, never empty.
 *
 * @param ranked every intent the model knows (possibly including {@code oos}), highest confidence first
 */
public record Classification(List<IntentScore> ranked) {

  public Classification {
    if (ranked.isEmpty()) {
      throw new IllegalArgumentException("a classification ranks at least one intent");
    }
    ranked = List.copyOf(ranked);
  }

  public IntentScore best() {
    return ranked.get(0);
  }

  /** The best {@code n} in-scope intents, for "Did you mean…" choices. */
  public List<IntentScore> topInScope(int n) {
    return ranked.stream().filter(s -> !s.outOfScope()).limit(n).toList();
  }
}
