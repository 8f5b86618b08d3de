package org.townhall.nlp.safeguarding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import java.util.Set;
import org.townhall.nlp.classify.TrainingSettings;

/**
 * How the safeguarding model is trained: the intent trainer's settings, and how many extra examples
 * are made from the pack's own phrases before training ({@link TrainingAugmentation}). Kept in
 * {@value SafeguardingDetector#SETTINGS}; every key is required.
 *
 * @param model the trainer's settings (the keys of {@link TrainingSettings})
 * @param buriedDisclosures extra examples that join a council topic's phrase and a category's
 *     phrase, as a share of the category phrases (0: none); as many joins of a topic's phrase and a
 *     look-alike are added as "none", so the join itself is not learnt as danger
 * @param perspectiveSwaps extra examples with first and third person swapped ("I" to "she", "she" to
 *     "I"), as a share of the category phrases and of the look-alikes (0: none)
 * @param typos extra examples with one word misspelt (a letter dropped or two swapped), as a share
 *     of the category phrases and of the look-alikes (0: none)
 * @param augmentationSeed seeds the choice of phrases, joins and typos, so training is repeatable
 */
public record SafeguardingTraining(TrainingSettings model, double buriedDisclosures, double perspectiveSwaps,
    double typos, long augmentationSeed) {

  /** The keys read here, next to those of {@link TrainingSettings}. */
  static final Set<String> KEYS = Set.of("buriedDisclosures", "perspectiveSwaps", "typos", "augmentationSeed");

  public SafeguardingTraining {
    if (!(buriedDisclosures >= 0) || !(perspectiveSwaps >= 0) || !(typos >= 0)) {
      throw new IllegalArgumentException("augmentation shares must be 0 or more: " + buriedDisclosures + ", "
          + perspectiveSwaps + ", " + typos);
    }
  }

  /** The settings as shipped, {@value SafeguardingDetector#SETTINGS}. */
  public static SafeguardingTraining defaults() {
    try (InputStream in = SafeguardingTraining.class.getResourceAsStream(SafeguardingDetector.SETTINGS)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + SafeguardingDetector.SETTINGS);
      }
      Properties properties = new Properties();
      properties.load(in);
      return fromProperties(properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads every key (those of {@link TrainingSettings} too); none may be missing. */
  public static SafeguardingTraining fromProperties(Properties p) {
    return new SafeguardingTraining(TrainingSettings.fromProperties(p),
        Double.parseDouble(required(p, "buriedDisclosures")),
        Double.parseDouble(required(p, "perspectiveSwaps")),
        Double.parseDouble(required(p, "typos")),
        Long.parseLong(required(p, "augmentationSeed")));
  }

  /** These settings with some keys replaced (either kind); an unknown key is refused. */
  public SafeguardingTraining with(Properties overrides) {
    Properties own = new Properties();
    own.setProperty("buriedDisclosures", Double.toString(buriedDisclosures));
    own.setProperty("perspectiveSwaps", Double.toString(perspectiveSwaps));
    own.setProperty("typos", Double.toString(typos));
    own.setProperty("augmentationSeed", Long.toString(augmentationSeed));
    Properties forModel = new Properties();
    for (String key : overrides.stringPropertyNames()) {
      (KEYS.contains(key) ? own : forModel).setProperty(key, overrides.getProperty(key));
    }
    Properties all = model.with(forModel).toProperties();
    all.putAll(own);
    return fromProperties(all);
  }

  /** These settings with one key replaced. */
  public SafeguardingTraining with(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return with(p);
  }

  private static String required(Properties p, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("safeguarding training setting '" + key + "' is missing");
    }
    return value.trim();
  }
}
