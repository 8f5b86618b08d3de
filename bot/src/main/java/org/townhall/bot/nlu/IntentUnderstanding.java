package org.townhall.bot.nlu;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.nlp.classify.SwappableClassifier;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.content.ContentPack;

/** Classifies messages with a model trained from the content pack, and applies the thresholds. */
@Service
public class IntentUnderstanding {

  private static final Logger log = LoggerFactory.getLogger(IntentUnderstanding.class);

  private final SwappableClassifier classifier;
  private final Thresholds thresholds;
  private final Timer classification;

  IntentUnderstanding(AnswerCatalog catalog, NluProperties properties, MeterRegistry meters) {
    ContentPack pack = catalog.pack();
    this.classifier = new SwappableClassifier(
        catalog.trainOrLoad("intent", pack.trainingExamples(), TrainingSettings.defaults()));
    Thresholds defaults = pack.thresholds();
    this.thresholds = new Thresholds(
        properties.answerThreshold() == null ? defaults.answer() : properties.answerThreshold(),
        properties.clarifyThreshold() == null ? defaults.clarify() : properties.clarifyThreshold());
    this.classification = Timer.builder("townhall.nlu.classification")
        .description("Time to classify one resident message with the intent model")
        .register(meters);
  }

  /** Never throws for any text; junk gets a low-confidence verdict. */
  public Understanding understand(String text) {
    var classified = classification.record(() -> classifier.classify(text));
    return new Understanding(classified, thresholds.decide(classified));
  }
}
