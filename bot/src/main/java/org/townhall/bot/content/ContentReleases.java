package org.townhall.bot.content;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.classify.TrainedModelCache;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.PackArchive;
import org.townhall.nlp.safeguarding.SafeguardingDetector;

/**
 * Makes a {@link ContentRelease} from a pack: trains its intent and safeguarding models, or loads them
 * from {@code townhall.content.model-cache} when they were trained on exactly these examples and
 * settings before (a restart, a rollback, or another instance on the same machine).
 */
class ContentReleases {

  private static final Logger log = LoggerFactory.getLogger(ContentReleases.class);

  private final TrainedModelCache modelCache;

  ContentReleases(ContentProperties properties) {
    this.modelCache = properties.modelCache() == null ? null : new TrainedModelCache(properties.modelCache());
  }

  /**
   * @throws org.townhall.nlp.content.ContentPackException if the files are not a valid pack
   */
  ContentRelease release(ContentVersion version, PackArchive files) {
    return release(version, files, files.read());
  }

  ContentRelease release(ContentVersion version, PackArchive files, ContentPack pack) {
    // A pack without safeguarding has no model to train (nothing but "none" to learn).
    IntentModel safeguarding = pack.safeguarding().isEmpty() ? null
        : trainOrLoad("safeguarding", SafeguardingDetector.trainingExamples(pack), SafeguardingDetector.defaultSettings());
    IntentModel intents = trainOrLoad("intent", pack.trainingExamples(), TrainingSettings.defaults());
    return new ContentRelease(version, files, pack, intents, safeguarding);
  }

  /** The pack's intent model, trained or loaded from the cache (where publishing the pack will find it). */
  IntentModel intentModel(ContentPack pack) {
    return trainOrLoad("intent", pack.trainingExamples(), TrainingSettings.defaults());
  }

  private IntentModel trainOrLoad(String name, List<LabeledText> examples, TrainingSettings settings) {
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
}
