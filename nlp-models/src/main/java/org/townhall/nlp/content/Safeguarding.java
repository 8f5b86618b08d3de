package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.townhall.nlp.classify.LabeledText;

/**
 * A pack's safeguarding content: the kinds of danger the bot must recognise in every message, the
 * look-alikes that are not danger ("I'm desperate to know when the tip opens"), the safe phrases
 * that hide a danger word ("killing me", "fire safety"), and the model's threshold.
 *
 * @param threshold a message is a concern when the model's confidence that it is none of the
 *     categories falls below this (recall first: higher flags more)
 * @param categories in a stable order (by id)
 * @param lookAlikes messages that are not disclosures, trained as "none"
 * @param safePhrases word sequences removed before trigger words are matched, and trained as "none"
 * @param negations words that, just before a trigger word, say it is not happening ("no smell of
 *     gas", "nothing sparking"): the trigger words then do not count alone, and the model decides
 * @param pastMarkers word sequences that say it is over ("years ago"): likewise
 */
public record Safeguarding(double threshold, List<SafeguardingCategory> categories, List<String> lookAlikes,
    List<String> safePhrases, List<String> negations, List<String> pastMarkers) {

  /** A pack without a {@code safeguarding/} folder: nothing is recognised. */
  public static final Safeguarding NONE = new Safeguarding(1.0, List.of(), List.of(), List.of(), List.of(), List.of());

  public Safeguarding {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the safeguarding threshold must be above 0 and at most 1, got " + threshold);
    }
    categories = List.copyOf(categories);
    lookAlikes = List.copyOf(lookAlikes);
    safePhrases = List.copyOf(safePhrases);
    negations = List.copyOf(negations);
    pastMarkers = List.copyOf(pastMarkers);
  }

  public Optional<SafeguardingCategory> category(String id) {
    return categories.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public boolean isEmpty() {
    return categories.isEmpty();
  }

  /** Every category's phrases labelled with its id, and the look-alikes and safe phrases as "none". */
  public List<LabeledText> ownExamples() {
    List<LabeledText> examples = new ArrayList<>();
    categories.forEach(c -> c.phrases().forEach(p -> examples.add(new LabeledText(p, c.id()))));
    lookAlikes.forEach(p -> examples.add(new LabeledText(p, LabeledText.OUT_OF_SCOPE)));
    safePhrases.forEach(p -> examples.add(new LabeledText(p, LabeledText.OUT_OF_SCOPE)));
    return examples;
  }
}
