package org.townhall.nlp.classify;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A classifier whose model can be replaced while messages are being classified: each call uses
 * whichever model was current when it started, and no call ever sees half a model.
 */
public final class SwappableClassifier implements IntentClassifier {

  private final AtomicReference<IntentClassifier> current;

  public SwappableClassifier(IntentClassifier initial) {
    this.current = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
  }

  @Override
  public Classification classify(String text) {
    return current.get().classify(text);
  }

  /**
   * Makes {@code next} the model for every later call.
   *
   * @param next the new classifier; must not be null
   * @return the classifier it replaced
   */
  public IntentClassifier swap(IntentClassifier next) {
    return current.getAndSet(Objects.requireNonNull(next, "next"));
  }

  /** The classifier in use now. */
  public IntentClassifier current() {
    return current.get();
  }
}
