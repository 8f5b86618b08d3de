package org.townhall.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import opennlp.tools.util.TrainingParameters;
import org.townhall.nlp.text.FeatureSettings;

/**
 * How to train an intent model: the OpenNLP trainer and its parameters, and the features. These
 * are data, kept in {@code intent-training.properties} next to the built-in pack, and were chosen
 * by cross-validation (see {@code docs/nlu.md}).
 *
 * @param algorithm {@code SOFTMAX_ADAGRAD} (OpenNLP's maxent model fitted by sparse AdaGrad, see
 *     {@link AdaGradSoftmaxTrainer}), or an OpenNLP trainer: {@code MAXENT_QN} (L-BFGS),
 *     {@code MAXENT} (GIS), {@code PERCEPTRON} or {@code NAIVEBAYES}
 * @param iterations maximum training iterations (epochs for SOFTMAX_ADAGRAD)
 * @param cutoff minimum number of times a feature must occur to be kept (OpenNLP's default of 5
 *     throws away most of a small intent set's vocabulary)
 * @param l1Cost L1 regularisation (MAXENT_QN only)
 * @param l2Cost L2 regularisation (MAXENT_QN and SOFTMAX_ADAGRAD)
 * @param learningRate AdaGrad's base step (SOFTMAX_ADAGRAD only)
 * @param outOfScopeWeight how much each {@code oos} example counts relative to an intent's: above
 *     1 the model says "not mine" more readily, below 1 (SOFTMAX_ADAGRAD only) a large
 *     out-of-scope set stops outweighing each intent's few phrases
 * @param ensemble how many SOFTMAX_ADAGRAD models (differing in the order they see the examples)
 *     to train and average; 1 for a single model
 * @param threads training threads
 * @param calibrationFolds when above 1, {@link IntentTrainer#train} also fits the confidence
 *     calibration on this many cross-validation folds of the training data; 0 leaves it
 *     uncalibrated (for example when validation data will calibrate it instead)
 * @param features which features messages yield
 */
public record TrainingSettings(
    String algorithm,
    int iterations,
    int cutoff,
    double l1Cost,
    double l2Cost,
    double learningRate,
    double outOfScopeWeight,
    int ensemble,
    int threads,
    int calibrationFolds,
    FeatureSettings features) {

  public TrainingSettings {
    if (!(outOfScopeWeight > 0) || ensemble < 1 || iterations < 1 || cutoff < 0 || threads < 1) {
      throw new IllegalArgumentException("need outOfScopeWeight > 0, ensemble, iterations and"
          + " threads >= 1, cutoff >= 0: " + outOfScopeWeight + ", " + ensemble + ", "
          + iterations + ", " + threads + ", " + cutoff);
    }
    if (outOfScopeWeight != Math.rint(outOfScopeWeight)
        && !AdaGradSoftmaxTrainer.ALGORITHM.equals(algorithm)) {
      throw new IllegalArgumentException(
          "a fractional outOfScopeWeight needs SOFTMAX_ADAGRAD, got " + algorithm);
    }
  }

  static final String RESOURCE = "/org/townhall/nlp/pack/en/intent-training.properties";

  /** The tuned settings shipped with the built-in pack. */
  public static TrainingSettings defaults() {
    return fromResource(RESOURCE);
  }

  /** Settings kept as a properties file on the classpath, e.g. next to the built-in pack. */
  public static TrainingSettings fromResource(String resource) {
    try (InputStream in = TrainingSettings.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + resource);
      }
      Properties properties = new Properties();
      properties.load(in);
      return fromProperties(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads settings from properties; every key is required, so nothing is silently defaulted. */
  public static TrainingSettings fromProperties(Properties p) {
    return new TrainingSettings(
        required(p, "algorithm"),
        Integer.parseInt(required(p, "iterations")),
        Integer.parseInt(required(p, "cutoff")),
        Double.parseDouble(required(p, "l1Cost")),
        Double.parseDouble(required(p, "l2Cost")),
        Double.parseDouble(required(p, "learningRate")),
        Double.parseDouble(required(p, "outOfScopeWeight")),
        Integer.parseInt(required(p, "ensemble")),
        Integer.parseInt(required(p, "threads")),
        Integer.parseInt(required(p, "calibrationFolds")),
        new FeatureSettings(
            Boolean.parseBoolean(required(p, "stem")),
            Integer.parseInt(required(p, "wordNGrams")),
            Integer.parseInt(required(p, "charNGramMin")),
            Integer.parseInt(required(p, "charNGramMax")),
            Boolean.parseBoolean(required(p, "normalize")),
            Double.parseDouble(required(p, "wordVectorLength")),
            // The one key with a default: models and settings files made before it existed are English.
            p.getProperty("language", "en")));
  }

  public Properties toProperties() {
    Properties p = new Properties();
    p.setProperty("algorithm", algorithm);
    p.setProperty("iterations", Integer.toString(iterations));
    p.setProperty("cutoff", Integer.toString(cutoff));
    p.setProperty("l1Cost", Double.toString(l1Cost));
    p.setProperty("l2Cost", Double.toString(l2Cost));
    p.setProperty("learningRate", Double.toString(learningRate));
    p.setProperty("outOfScopeWeight", Double.toString(outOfScopeWeight));
    p.setProperty("ensemble", Integer.toString(ensemble));
    p.setProperty("threads", Integer.toString(threads));
    p.setProperty("calibrationFolds", Integer.toString(calibrationFolds));
    p.setProperty("stem", Boolean.toString(features.stem()));
    p.setProperty("wordNGrams", Integer.toString(features.wordNGrams()));
    p.setProperty("charNGramMin", Integer.toString(features.charNGramMin()));
    p.setProperty("charNGramMax", Integer.toString(features.charNGramMax()));
    p.setProperty("normalize", Boolean.toString(features.normalize()));
    p.setProperty("wordVectorLength", Double.toString(features.wordVectorLength()));
    p.setProperty("language", features.language());
    return p;
  }

  /** These settings with some keys replaced, e.g. {@code l2Cost=0.3}. */
  public TrainingSettings with(Properties overrides) {
    Properties p = toProperties();
    for (String key : overrides.stringPropertyNames()) {
      if (!p.containsKey(key)) {
        throw new IllegalArgumentException("unknown training setting '" + key + "'");
      }
      p.setProperty(key, overrides.getProperty(key));
    }
    return fromProperties(p);
  }

  /** These settings with one key replaced. */
  public TrainingSettings with(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return with(p);
  }

  TrainingParameters toTrainingParameters() {
    TrainingParameters params = new TrainingParameters();
    params.put(TrainingParameters.ALGORITHM_PARAM,
        AdaGradSoftmaxTrainer.ALGORITHM.equals(algorithm) ? "MAXENT_QN" : algorithm);
    params.put(TrainingParameters.ITERATIONS_PARAM, iterations);
    params.put(TrainingParameters.CUTOFF_PARAM, cutoff);
    params.put(TrainingParameters.THREADS_PARAM, threads);
    params.put("L1Cost", l1Cost);
    params.put("L2Cost", l2Cost);
    // the default TwoPass spills events to a temp file; real values carry feature normalisation
    params.put("DataIndexer", features.realValued() ? "OnePassRealValue" : "OnePass");
    return params;
  }

  String serialize() {
    StringWriter out = new StringWriter();
    try {
      toProperties().store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Reads the settings stored in a model file, including files written by earlier versions. */
  static TrainingSettings deserialize(String text) throws IOException {
    Properties p = new Properties();
    p.load(new StringReader(text));
    // models written before word vectors existed (model file version 2) were trained without them
    p.putIfAbsent("wordVectorLength", "0");
    return fromProperties(p);
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("training setting '" + key + "' is missing");
    }
    return value.trim();
  }
}
