package org.townhall.nlp.classify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.HashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import opennlp.tools.ml.EventTrainer;
import opennlp.tools.ml.TrainerFactory;
import opennlp.tools.ml.model.DataIndexer;
import opennlp.tools.ml.model.DataIndexerFactory;
import opennlp.tools.ml.model.Event;
import opennlp.tools.ml.model.MaxentModel;
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
    int folds = settings.calibrationFolds();
    if (folds < 2) {
      return trainUncalibrated(examples, settings);
    }
    // the model and the calibration's fold models are independent: with threads > 1 they train
    // side by side (the bot trains at start-up on a 2-core machine); the result is the same
    List<Callable<IntentModel>> jobs = new ArrayList<>();
    jobs.add(() -> trainUncalibrated(examples, settings));
    List<List<LabeledText>> split = TemperatureFit.split(examples, folds);
    for (int i = 0; i < folds; i++) {
      List<LabeledText> rest = Folds.allBut(split, i);
      jobs.add(() -> trainUncalibrated(rest, settings));
    }
    List<IntentModel> models = runAll(jobs, settings.threads());
    double temperature = TemperatureFit.fitOutOfFold(models.subList(1, models.size()), split);
    return models.get(0).withTemperature(temperature);
  }

  /** Runs the jobs on up to {@code threads} threads and returns their results in order. */
  static <T> List<T> runAll(List<Callable<T>> jobs, int threads) {
    List<T> results = new ArrayList<>(jobs.size());
    if (threads < 2 || jobs.size() < 2) {
      for (Callable<T> job : jobs) {
        results.add(call(job));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
      Thread t = new Thread(r, "intent-training");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      jobs.forEach(job -> futures.add(pool.submit(job)));
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while training", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> job) {
    try {
      return job.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
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
      IntentFeatures.Message message = features.of(example.text());
      Event event = new Event(example.intent(), message.names(), message.values());
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
      // the same indexer OpenNLP's own trainers get from these parameters (values kept or not)
      DataIndexer indexer = DataIndexerFactory.getDataIndexer(params, new HashMap<>());
      indexer.index(ObjectStreamUtils.createObjectStream(events));
      double[] weights = outcomeWeights(indexer, settings.outOfScopeWeight());
      List<Callable<MaxentModel>> members = new ArrayList<>();
      for (int seed = 1; seed <= settings.ensemble(); seed++) {
        long memberSeed = seed;
        members.add(() -> AdaGradSoftmaxTrainer.train(indexer, settings.iterations(),
            settings.learningRate(), settings.l2Cost(), weights, memberSeed));
      }
      return runAll(members, settings.threads());
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
