package org.townhall.nlp.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stratified k-fold splits: each intent's examples are shuffled with a fixed seed and dealt
 * round-robin, so every fold holds about 1/k of every intent and a run is reproducible.
 */
public final class Folds {

  private Folds() {}

  /** The {@code k} folds (test parts) of {@code examples}. */
  public static List<List<LabeledText>> stratified(List<LabeledText> examples, int k, long seed) {
    if (k < 2) {
      throw new IllegalArgumentException("need at least 2 folds, got " + k);
    }
    Map<String, List<LabeledText>> byIntent = new LinkedHashMap<>();
    examples.forEach(e -> byIntent.computeIfAbsent(e.intent(), i -> new ArrayList<>()).add(e));
    List<List<LabeledText>> folds = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      folds.add(new ArrayList<>());
    }
    Random random = new Random(seed);
    int next = 0;
    for (List<LabeledText> group : byIntent.values()) {
      List<LabeledText> shuffled = new ArrayList<>(group);
      Collections.shuffle(shuffled, random);
      for (LabeledText example : shuffled) {
        folds.get(next).add(example);
        next = (next + 1) % k;
      }
    }
    return folds;
  }

  /** Everything except fold {@code i}. */
  public static List<LabeledText> allBut(List<List<LabeledText>> folds, int i) {
    List<LabeledText> rest = new ArrayList<>();
    for (int j = 0; j < folds.size(); j++) {
      if (j != i) {
        rest.addAll(folds.get(j));
      }
    }
    return rest;
  }
}
