package org.townhall.bot.content;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.TrainedModelCache;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;
import org.townhall.nlp.content.IntentDefinition;

/** The content pack the bot answers from. */
@Component
public class AnswerCatalog {

  private static final Logger log = LoggerFactory.getLogger(AnswerCatalog.class);

  private record Loaded(ContentPack pack, Map<String, IntentDefinition> byId) {}

  private final AtomicReference<Loaded> current = new AtomicReference<>();
  private final TrainedModelCache modelCache;

  AnswerCatalog(ContentProperties properties) {
    this.modelCache = properties.modelCache() == null ? null : new TrainedModelCache(properties.modelCache());
    ContentPack pack = properties.packDir() == null
        ? ContentPackReader.builtIn()
        : ContentPackReader.read(properties.packDir());
    current.set(new Loaded(pack, pack.intentsById()));
  }

  /**
   * Trains a model on examples from the pack, or loads it from {@code townhall.content.model-cache}
   * when one was trained on exactly these examples and settings before; logs which and how long.
   */
  public IntentModel trainOrLoad(String name, List<LabeledText> examples, TrainingSettings settings) {
    if (modelCache == null) {
      long started = System.nanoTime();
      IntentModel model = IntentTrainer.train(examples, settings);
      log.info("Trained the {} model on {} examples in {} ms (no model cache set)", name, examples.size(),
          (System.nanoTime() - started) / 1_000_000);
      return model;
    }
    TrainedModelCache.Outcome outcome = modelCache.trainOrLoad(name, examples, settings);
    if (outcome.problem() != null) {
      log.warn("Model cache: {}", outcome.problem());
    }
    log.info("{} the {} model ({} examples) in {} ms: {}", outcome.loaded() ? "Loaded" : "Trained and kept", name,
        examples.size(), outcome.millis(), outcome.file());
    return outcome.model();
  }

  public ContentPack pack() {
    return current.get().pack();
  }

  public Optional<IntentDefinition> intent(String id) {
    return Optional.ofNullable(current.get().byId().get(id));
  }

  /** A short human label for an intent, e.g. for "Did you mean…" choices. */
  public String title(String intentId) {
    return intent(intentId).map(IntentDefinition::title).orElse(intentId);
  }
}
