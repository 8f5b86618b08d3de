package org.townhall.nlp.content;

import java.util.List;
import org.townhall.nlp.classify.LabeledText;

/**
 * Messages kept apart from training, each labelled with the intent it should reach (or {@code oos}):
 * a file of the pack's {@code tests/} folder. Editors' drafts are measured on them before publishing;
 * the model never learns from them.
 *
 * @param name the file's name without its folder, e.g. {@code holdout.jsonl}
 * @param messages the labelled messages, in the file's order; a label need not be an intent of the
 *     pack (an intent retired since): whoever measures decides what to do with those
 */
public record TestSet(String name, List<LabeledText> messages) {

  public TestSet {
    messages = List.copyOf(messages);
  }
}
