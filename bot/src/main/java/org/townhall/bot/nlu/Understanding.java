package org.townhall.bot.nlu;

import java.util.List;
import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.Verdict;

/**
 * What the bot made of a message.
 *
 * @param classification the ranked intents
 * @param verdict answer, clarify or reject, by the configured thresholds
 */
public record Understanding(Classification classification, Verdict verdict) {

  public IntentScore best() {
    return classification.best();
  }

  /** The top in-scope candidates, for "Did you mean…". */
  public List<IntentScore> candidates(int n) {
    return classification.topInScope(n);
  }
}
