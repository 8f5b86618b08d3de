package org.townhall.nlp.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.model.OnePassDataIndexer;
import opennlp.tools.ml.model.OnePassRealValueDataIndexer;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;
import org.townhall.nlp.text.IntentFeatures;

/** Trains an {@link IntentModel} from labelled messages with one of OpenNLP's event trainers. */
public final class IntentTrainer {

  private IntentTrainer() {}

  /**
   * @param examples labelled messages, with at least two distinct intents ({@code oos} counts)
   * @param settings trainer, parameters and features
   * @return the trained model; its confidences are calibrated by cross-validation on the
   *     examples when {@link TrainingSettings#calibrationFolds()} is above 1, else uncalibrated
   * @throws IllegalArgumentException if there are fewer than two intents to tell apart
   */
  public static IntentModel train(List<LabeledText> examples, TrainingSettings settings) {
    IntentModel model = trainUncalibrated(examples, settings);
    int folds = settings.calibrationFolds();
    if (folds < 2) {
      return model;
    }
    return model.withTemperature(TemperatureFit.fitOutOfFold(examples, settings, folds));
  }

  static IntentModel trainUncalibrated(List<LabeledText> examples, TrainingSettings settings) {
    long labels = examples.stream().map(LabeledText::intent).distinct().count();
    if (labels < 2) {
      throw new IllegalArgumentException(
          "training needs at least two intents, got " + labels + " in " + examples.size()
              + " examples");
    }
    IntentFeatures features = new IntentFeatures(settings.features());
    List<Event> events = new ArrayList<>(examples.size());
    for (LabeledText example : examples) {
      String[] context = features.extract(example.text());
      Event event = new Event(example.intent(), context, features.values(context));
      boolean adagrad = AdaGradSoftmaxTrainer.ALGORITHM.equals(settings.algorithm());
      int copies = example.outOfScope() && !adagrad ? (int) settings.outOfScopeWeight() : 1;
      for (int i = 0; i < copies; i++) {
        events.add(event);
      }
    }
    try {
      return new IntentModel(fit(events, settings), features, settings, 1.0);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // in-memory streams do not fail
    }
  }

  private static List<MaxentModel> fit(List<Event> events, TrainingSettings settings)
      throws IOException {
    TrainingParameters params = settings.toTrainingParameters();
    if (AdaGradSoftmaxTrainer.ALGORITHM.equals(settings.algorithm())) {
      DataIndexer indexer = settings.features().normalize()
          ? new OnePassRealValueDataIndexer() : new OnePassDataIndexer();
      indexer.init(params, new HashMap<>());
      indexer.index(ObjectStreamUtils.createObjectStream(events));
      List<MaxentModel> members = new ArrayList<>();
      for (int seed = 1; seed <= settings.ensemble(); seed++) {
        members.add(AdaGradSoftmaxTrainer.train(indexer, settings.iterations(),
            settings.learningRate(), settings.l2Cost(),
            outcomeWeights(indexer, settings.outOfScopeWeight()), seed));
      }
      return members;
    }
    EventTrainer trainer = TrainerFactory.getEventTrainer(params, null);
    return List.of(trainer.train(ObjectStreamUtils.createObjectStream(events)));
  }

  private static double[] outcomeWeights(DataIndexer indexer, double outOfScopeWeight) {
    String[] labels = indexer.getOutcomeLabels();
    double[] weights = new double[labels.length];
    for (int i = 0; i < labels.length; i++) {
      weights[i] = LabeledText.OUT_OF_SCOPE.equals(labels[i]) ? outOfScopeWeight : 1;
    }
    return weights;
  }

  /**
   * The model with its confidences calibrated on held-out messages (temperature scaling).
   *
   * @param heldOut labelled messages the model was not trained on; labels it does not know are
   *     ignored
   */
  public static IntentModel calibrate(IntentModel model, List<LabeledText> heldOut) {
    return model.withTemperature(TemperatureFit.fit(model.withTemperature(1.0), heldOut));
  }
}
