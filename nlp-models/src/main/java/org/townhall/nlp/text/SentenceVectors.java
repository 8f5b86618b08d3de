package org.townhall.nlp.text;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pre-trained sentence encoder (all-MiniLM-L6-v2, int8-quantised, 384 dimensions), run in
 * process through ONNX Runtime as LangChain4j packages it. Unlike averaged word vectors it reads a
 * message's words in order and in context, so "I've written letters to my kids and sorted my will"
 * lies near the safeguarding phrases about saying goodbye though it shares none of their words.
 * About 1 ms a short message on one core here, so only the safeguarding model uses it (see
 * {@code docs/safeguarding.md}); the intent model's budget is tighter.
 *
 * <p>Thread-safe once loaded (ONNX Runtime sessions are).
 */
public final class SentenceVectors {

  private static final Logger LOG = LoggerFactory.getLogger(SentenceVectors.class);

  /** Which encoder this is, stored with a model: a model trained on one encoder means nothing with another. */
  static final String ID = "all-minilm-l6-v2-q langchain4j-1.19.0-beta29";
  /** MiniLM reads at most 256 word pieces; more is split and averaged by LangChain4j, slowly. */
  private static final int MAX_CHARS = 1_000;

  private final EmbeddingModel model;

  private SentenceVectors(EmbeddingModel model) {
    this.model = model;
  }

  /** Loaded on first use; a failure is kept and reported on every use, not once as an Error. */
  private static final class Shipped {
    static final Object INSTANCE = load();

    private static Object load() {
      try {
        return new SentenceVectors(new AllMiniLmL6V2QuantizedEmbeddingModel());
      } catch (RuntimeException | LinkageError e) {
        return new IllegalStateException("cannot load the sentence encoder: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The shipped encoder, loaded once on first use (about 1.5 s).
   *
   * @throws IllegalStateException if it cannot be loaded (a broken build or platform)
   */
  public static SentenceVectors english() {
    if (Shipped.INSTANCE instanceof IllegalStateException failure) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return (SentenceVectors) Shipped.INSTANCE;
  }

  public String id() {
    return ID;
  }

  public int dimensions() {
    return 384;
  }

  /**
   * Writes the message's unit-length vector into {@code out} and returns true; false ({@code out}
   * untouched) for blank text, or if the encoder fails, so that the other features still decide.
   */
  public boolean embed(String text, float[] out) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) {
      return false;
    }
    float[] vector;
    try {
      vector = model.embed(trimmed.length() > MAX_CHARS ? trimmed.substring(0, MAX_CHARS) : trimmed)
          .content().vector();
    } catch (RuntimeException e) {
      LOG.warn("the sentence encoder failed on a message of {} characters: {}", trimmed.length(), e.toString());
      return false;
    }
    double norm = 0;
    for (float v : vector) {
      norm += v * v;
    }
    if (vector.length != out.length || norm == 0) {
      return false;
    }
    double inverse = 1 / Math.sqrt(norm);
    for (int d = 0; d < out.length; d++) {
      out[d] = (float) (vector[d] * inverse);
    }
    return true;
  }
}
