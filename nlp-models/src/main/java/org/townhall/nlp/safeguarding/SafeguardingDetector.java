package org.townhall.nlp.safeguarding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentClassifier;
import org.townhall.nlp.classify.IntentScore;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.Safeguarding;
import org.townhall.nlp.content.SafeguardingCategory;
import org.townhall.nlp.text.TextNormalizer;

/**
 * Recognises a disclosure of danger in any message, recall first. Two checks, either of which is
 * enough: a category's trigger words ("kill myself"), after the pack's safe phrases ("killing me",
 * "fire safety") are taken out; and a model of its own (the intent classifier's trainer, with the
 * categories as labels and everything else as "none"), which flags a message when its confidence
 * in "none" falls below the pack's threshold. The model learns "none" from the look-alikes, the safe
 * phrases, the council's out-of-scope examples and its ordinary topics' phrases (not the urgent
 * topics': "a child is being hurt" is both).
 *
 * <p>Thread-safe once trained. Never throws for any text.
 */
public final class SafeguardingDetector {

  /** Longer messages are checked in overlapping windows: the normaliser reads only the start. */
  static final int WINDOW = 900;
  private static final int OVERLAP = 200;
  /** A negation this many words or fewer before a trigger word cancels it ("no smell of gas"). */
  private static final int NEGATION_REACH = 3;
  static final String SETTINGS = "/org/townhall/nlp/pack/en/safeguarding-training.properties";
  /** A wholly empty safeguarding (a pack without the folder) recognises nothing. */
  private static final SafeguardingDetector NOTHING = new SafeguardingDetector(Safeguarding.NONE, null);

  private final Safeguarding safeguarding;
  private final IntentClassifier model;
  private final List<List<String>> safePhrases;
  private final Set<String> negations;
  private final List<List<String>> pastMarkers;
  private final double threshold;

  private SafeguardingDetector(Safeguarding safeguarding, IntentClassifier model) {
    this(safeguarding, model, safeguarding.threshold());
  }

  private SafeguardingDetector(Safeguarding safeguarding, IntentClassifier model, double threshold) {
    this.safeguarding = safeguarding;
    this.model = model;
    this.threshold = threshold;
    this.safePhrases = tokenised(safeguarding.safePhrases());
    this.negations = new HashSet<>();
    safeguarding.negations().forEach(n -> negations.addAll(TextNormalizer.tokens(n)));
    this.pastMarkers = tokenised(safeguarding.pastMarkers());
  }

  /** Trains the pack's detector with these settings (uncalibrated as shipped: the pack's threshold decides). */
  public static SafeguardingDetector train(ContentPack pack, TrainingSettings settings) {
    return of(pack, pack.safeguarding().isEmpty() ? null : IntentTrainer.train(trainingExamples(pack), settings));
  }

  /**
   * The pack's detector with a model already trained on {@link #trainingExamples} (e.g. loaded from
   * a cache of trained models); for a pack without safeguarding the model is not needed (may be null).
   */
  public static SafeguardingDetector of(ContentPack pack, IntentClassifier model) {
    return pack.safeguarding().isEmpty() ? NOTHING : new SafeguardingDetector(pack.safeguarding(), model);
  }

  /** The settings the detector trains with, as shipped: {@value #SETTINGS}. */
  public static TrainingSettings defaultSettings() {
    return TrainingSettings.fromResource(SETTINGS);
  }

  /** This detector with another threshold, for measuring (the model is shared, not retrained). */
  public SafeguardingDetector withThreshold(double newThreshold) {
    return new SafeguardingDetector(safeguarding, model, newThreshold);
  }

  public Safeguarding safeguarding() {
    return safeguarding;
  }

  /**
   * What the model learns from: the categories' phrases; and as "none", the look-alikes, the safe
   * phrases, the out-of-scope examples and the phrases of every topic that is not urgent, except
   * any that hold a category's trigger words (which would teach the model to contradict them).
   */
  public static List<LabeledText> trainingExamples(ContentPack pack) {
    Safeguarding safeguarding = pack.safeguarding();
    SafeguardingDetector wordsOnly = new SafeguardingDetector(safeguarding, null);
    List<LabeledText> examples = new ArrayList<>(safeguarding.ownExamples());
    List<String> ordinary = new ArrayList<>(pack.outOfScope());
    pack.intents().stream().filter(i -> !i.urgent()).map(IntentDefinition::phrases).forEach(ordinary::addAll);
    ordinary.stream().filter(p -> wordsOnly.byWords(p).isEmpty())
        .forEach(p -> examples.add(new LabeledText(p, LabeledText.OUT_OF_SCOPE)));
    return examples;
  }

  /** The concern this message raises, if any. */
  public Optional<Concern> detect(String message) {
    if (message == null || message.isBlank() || safeguarding.isEmpty()) {
      return Optional.empty();
    }
    if (message.length() <= WINDOW) {
      return detectInWindow(message);
    }
    for (int start = 0; start < message.length(); start += WINDOW - OVERLAP) {
      Optional<Concern> found = detectInWindow(message.substring(start, Math.min(message.length(), start + WINDOW)));
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  private Optional<Concern> detectInWindow(String text) {
    List<String> tokens = TextNormalizer.tokens(text);
    // Emoji, punctuation or symbols alone give the model nothing to go on: its prior is no evidence.
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    Classification classification = model.classify(text);
    List<SafeguardingCategory> matched = byWords(tokens);
    if (!matched.isEmpty()) {
      Map<String, Double> scores = scores(classification);
      SafeguardingCategory best = matched.stream()
          .max((a, b) -> Double.compare(scores.getOrDefault(a.id(), 0.0), scores.getOrDefault(b.id(), 0.0)))
          .orElseThrow();
      return Optional.of(new Concern(best.id(), Concern.Evidence.WORDS, 1.0));
    }
    double none = scores(classification).getOrDefault(LabeledText.OUT_OF_SCOPE, 0.0);
    if (none >= threshold) {
      return Optional.empty();
    }
    return classification.ranked().stream().filter(s -> !s.outOfScope()).findFirst()
        .map(s -> new Concern(s.intent(), Concern.Evidence.MODEL, s.confidence()));
  }

  /**
   * The categories whose trigger words the message holds, once its safe phrases are taken out; none
   * when the message says it is over ("years ago"), and not a category whose words come just after a
   * negation ("nothing sparking"). Those are left to the model, which reads the whole message.
   */
  List<SafeguardingCategory> byWords(String text) {
    return byWords(TextNormalizer.tokens(text));
  }

  private List<SafeguardingCategory> byWords(List<String> normalised) {
    List<String> tokens = withoutSafePhrases(normalised);
    if (pastMarkers.stream().anyMatch(m -> find(tokens, m) >= 0)) {
      return List.of();
    }
    Map<String, Integer> firstAt = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (!tokens.get(i).isEmpty()) {
        firstAt.putIfAbsent(tokens.get(i), i);
      }
    }
    return safeguarding.categories().stream().filter(c -> {
      int start = c.when().matchStart(firstAt);
      return start >= 0 && !negatedBefore(tokens, start);
    }).toList();
  }

  private boolean negatedBefore(List<String> tokens, int start) {
    for (int i = Math.max(0, start - NEGATION_REACH); i < start; i++) {
      if (negations.contains(tokens.get(i))) {
        return true;
      }
    }
    return false;
  }

  /** The tokens with every safe phrase blanked out (kept as empty strings, so positions stay). */
  private List<String> withoutSafePhrases(List<String> tokens) {
    List<String> kept = new ArrayList<>(tokens);
    for (List<String> safe : safePhrases) {
      for (int i = find(tokens, safe, 0); i >= 0; i = find(tokens, safe, i + 1)) {
        for (int j = i; j < i + safe.size(); j++) {
          kept.set(j, "");
        }
      }
    }
    return kept;
  }

  private static int find(List<String> tokens, List<String> phrase) {
    return find(tokens, phrase, 0);
  }

  private static int find(List<String> tokens, List<String> phrase, int from) {
    for (int i = from; i + phrase.size() <= tokens.size(); i++) {
      if (tokens.subList(i, i + phrase.size()).equals(phrase)) {
        return i;
      }
    }
    return -1;
  }

  private static List<List<String>> tokenised(List<String> phrases) {
    return phrases.stream().map(TextNormalizer::tokens).filter(t -> !t.isEmpty()).toList();
  }

  private static Map<String, Double> scores(Classification classification) {
    Map<String, Double> scores = new HashMap<>();
    for (IntentScore s : classification.ranked()) {
      scores.put(s.intent(), s.confidence());
    }
    return scores;
  }
}
