package org.townhall.bot.nlu;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Service;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.content.ContentRelease;
import org.townhall.nlp.classify.Thresholds;

/** Classifies messages with the live content's model, and applies its thresholds. */
@Service
public class IntentUnderstanding {


  private final AnswerCatalog catalog;
  private final NluProperties properties;
  private final Timer classification;

  IntentUnderstanding(AnswerCatalog catalog, NluProperties properties, MeterRegistry meters) {
    this.catalog = catalog;
    this.properties = properties;
    this.classification = Timer.builder("townhall.nlu.classification")
        .description("Time to classify one resident message with the intent model")
        .register(meters);
  }

  /** Never throws for any text; junk gets a low-confidence verdict. */
  public Understanding understand(String text) {
    // one release for the whole message: its model and its thresholds, even if editors publish meanwhile
    ContentRelease release = catalog.release();
    var classified = classification.record(() -> release.intentModel().classify(text));
    return new Understanding(classified, thresholds(release.pack().thresholds()).decide(classified));
  }

  /** The thresholds in use now: the live pack's, unless settings override them (for the transparency page). */
  public Thresholds thresholds() {
    return thresholds(catalog.release().pack().thresholds());
  }

  /** The pack's thresholds, unless settings override them. */
  private Thresholds thresholds(Thresholds pack) {
    return new Thresholds(
        properties.answerThreshold() == null ? pack.answer() : properties.answerThreshold(),
        properties.clarifyThreshold() == null ? pack.clarify() : properties.clarifyThreshold());
  }
}
