package org.townhall.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import opennlp.tools.ml.model.MaxentModel;
import org.townhall.nlp.text.IntentFeatures;

/**
 * A trained OpenNLP intent model with the features it was trained on and its calibration.
 *
 * <p>Immutable and thread-safe: OpenNLP's maxent models only read their parameters when
 * evaluating. {@link #classify} never throws; text with no known feature gets the model's prior,
 * which is a low confidence spread over the intents.
 */
public final class IntentModel implements IntentClassifier {

  private final List<MaxentModel> members;
  private final MaxentModel model;
  private final int[][] alignment;
  private final IntentFeatures features;
  private final TrainingSettings settings;
  private final double temperature;

  /**
   * @param members one model, or several whose probabilities are averaged; the first one's
   *     outcome order is the model's
   */
  IntentModel(List<MaxentModel> members, IntentFeatures features, TrainingSettings settings,
      double temperature) {
    if (!(temperature > 0)) {
      throw new IllegalArgumentException("temperature must be positive, got " + temperature);
    }
    this.members = List.copyOf(members);
    this.model = members.get(0);
    this.alignment = align(this.members);
    this.features = features;
    this.settings = settings;
    this.temperature = temperature;
  }

  /** For each member, where each of the first member's outcomes sits in its own output. */
  private static int[][] align(List<MaxentModel> members) {
    MaxentModel first = members.get(0);
    int[][] alignment = new int[members.size()][first.getNumOutcomes()];
    for (int m = 0; m < members.size(); m++) {
      for (int i = 0; i < first.getNumOutcomes(); i++) {
        alignment[m][i] = members.get(m).getIndex(first.getOutcome(i));
        if (alignment[m][i] < 0) {
          throw new IllegalArgumentException("ensemble members know different intents");
        }
      }
    }
    return alignment;
  }

  @Override
  public Classification classify(String text) {
    try {
      return rank(scores(text == null ? "" : text));
    } catch (RuntimeException e) {
      return nothingUnderstood(); // a classifier bug must not break a conversation
    }
  }

  /** Calibrated probabilities for every intent, indexed like {@link #intents()}. */
  double[] scores(String text) {
    double[] probabilities = rawScores(text);
    return temperature == 1.0 ? probabilities : Calibration.soften(probabilities, temperature);
  }

  /** Uncalibrated probabilities (averaged over the ensemble), for fitting a calibration. */
  double[] rawScores(String text) {
    IntentFeatures.Message message = features.of(text);
    String[] context = message.names();
    float[] values = message.values();
    if (members.size() == 1) {
      return model.eval(context, values);
    }
    double[] average = new double[model.getNumOutcomes()];
    for (int m = 0; m < members.size(); m++) {
      double[] p = members.get(m).eval(context, values);
      for (int i = 0; i < average.length; i++) {
        average[i] += p[alignment[m][i]] / members.size();
      }
    }
    return average;
  }

  /** Every intent the model knows, in the model's own (score index) order. */
  public List<String> intents() {
    List<String> intents = new ArrayList<>(model.getNumOutcomes());
    for (int i = 0; i < model.getNumOutcomes(); i++) {
      intents.add(model.getOutcome(i));
    }
    return intents;
  }

  public Set<String> intentSet() {
    return new TreeSet<>(intents());
  }

  public TrainingSettings settings() {
    return settings;
  }

  /** The softmax temperature applied to the model's probabilities; 1 means none. */
  public double temperature() {
    return temperature;
  }

  /** The same model with another calibration temperature. */
  public IntentModel withTemperature(double newTemperature) {
    return new IntentModel(members, features, settings, newTemperature);
  }

  /** Writes the model (settings, calibration and OpenNLP parameters) in a self-describing format. */
  public void write(OutputStream out) throws IOException {
    ModelFile.write(this, members, out);
  }

  /**
   * Reads a model written by {@link #write}.
   *
   * @throws IOException if the stream is not such a model, or fails
   */
  public static IntentModel read(InputStream in) throws IOException {
    return ModelFile.read(in);
  }

  private Classification rank(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
    List<IntentScore> ranked = new ArrayList<>(scores.length);
    for (int i : order) {
      double confidence = Double.isFinite(scores[i]) ? Math.min(1, Math.max(0, scores[i])) : 0;
      ranked.add(new IntentScore(model.getOutcome(i), confidence));
    }
    return new Classification(ranked);
  }

  private Classification nothingUnderstood() {
    List<IntentScore> ranked = new ArrayList<>();
    int oos = model.getIndex(LabeledText.OUT_OF_SCOPE);
    if (oos >= 0) {
      ranked.add(new IntentScore(LabeledText.OUT_OF_SCOPE, 0));
    }
    for (int i = 0; i < model.getNumOutcomes(); i++) {
      if (i != oos) {
        ranked.add(new IntentScore(model.getOutcome(i), 0));
      }
    }
    return new Classification(ranked);
  }

  IntentFeatures features() {
    return features;
  }

  MaxentModel maxentModel() {
    return model;
  }
}
