package org.townhall.nlp.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.Thresholds;

/**
 * A council's content: its intents with training phrases and answers, the out-of-scope examples
 * that teach the classifier what the council does not handle, the signposts to whoever does handle
 * some of those, and the default thresholds.
 *
 * @param name human name of the pack, e.g. "Demo Council (English)"
 * @param locale language tag, e.g. "en-GB"
 * @param thresholds default confidence thresholds, tuned on validation data
 * @param intents the intents, in a stable order (by id)
 * @param outOfScope messages the council does not handle, trained as {@code oos}
 * @param signposts pointers to other organisations, for messages the classifier rejects; never
 *     trained on, so they cannot change what the classifier does
 * @param safeguarding the kinds of danger checked for in every message, with their own model's
 *     examples; never part of the intent model's training
 * @param tests labelled messages kept apart from training ({@code tests/}), measured before publishing
 */
public record ContentPack(
    String name,
    String locale,
    Thresholds thresholds,
    List<IntentDefinition> intents,
    List<String> outOfScope,
    Signposts signposts,
    Safeguarding safeguarding,
    List<TestSet> tests) {

  public ContentPack {
    intents = List.copyOf(intents);
    outOfScope = List.copyOf(outOfScope);
    tests = List.copyOf(tests);
  }

  public Optional<IntentDefinition> intent(String id) {
    return intents.stream().filter(i -> i.id().equals(id)).findFirst();
  }

  public Map<String, IntentDefinition> intentsById() {
    return intents.stream().collect(Collectors.toMap(IntentDefinition::id, Function.identity()));
  }

  /** Every phrase labelled with its intent, plus the out-of-scope examples labelled {@code oos}. */
  public List<LabeledText> trainingExamples() {
    List<LabeledText> examples = new ArrayList<>();
    for (IntentDefinition intent : intents) {
      intent.phrases().forEach(p -> examples.add(new LabeledText(p, intent.id())));
    }
    outOfScope.forEach(p -> examples.add(new LabeledText(p, LabeledText.OUT_OF_SCOPE)));
    return examples;
  }
}
