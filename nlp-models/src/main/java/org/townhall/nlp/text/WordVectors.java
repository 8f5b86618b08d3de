package org.townhall.nlp.text;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Pre-trained English word vectors (GloVe, 100 dimensions), so that a message can be understood
 * through words no training phrase used: "silverfish" lies near "pests", "lorry" near "truck".
 * Read from the compact file that {@code nlp-models/vectors/convert.py} writes (words in
 * frequency order, each a scale and signed bytes).
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class WordVectors {

  static final String RESOURCE = "/org/townhall/nlp/vectors/glove-en-100d.bin.gz";
  /**
   * Smooth inverse frequency: a word of frequency rank r weighs r / (r + this). With Zipf's law
   * (p(r) ≈ 0.1 / r) this is Arora et al.'s a / (a + p(w)) with a = 1e-3, so "the" or "is" count
   * for almost nothing and topic words fully, without a stop-word list.
   */
  private static final double SIF_RANK = 100;

  private final Map<String, Integer> rows;
  private final int dimensions;
  private final byte[] components;
  private final float[] scales;

  private WordVectors(Map<String, Integer> rows, int dimensions, byte[] components,
      float[] scales) {
    this.rows = rows;
    this.dimensions = dimensions;
    this.components = components;
    this.scales = scales;
  }

  private static final class Shipped {
    static final WordVectors INSTANCE = loadShipped();

    private static WordVectors loadShipped() {
      try (InputStream in = WordVectors.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The vectors shipped with nlp-models, loaded once on first use. */
  public static WordVectors english() {
    return Shipped.INSTANCE;
  }

  public static WordVectors read(InputStream raw) throws IOException {
    DataInputStream in = new DataInputStream(
        new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    byte[] magic = in.readNBytes(4);
    int version = in.readInt();
    if (!"THWV".equals(new String(magic, StandardCharsets.US_ASCII)) || version != 1) {
      throw new IOException("not a word-vector file (version 1)");
    }
    int count = in.readInt();
    int dimensions = in.readInt();
    if (count < 0 || dimensions <= 0 || (long) count * dimensions > Integer.MAX_VALUE) {
      throw new IOException("bad word-vector header: " + count + " x " + dimensions);
    }
    Map<String, Integer> rows = new HashMap<>(count * 4 / 3 + 1);
    byte[] components = new byte[count * dimensions];
    float[] scales = new float[count];
    for (int row = 0; row < count; row++) {
      byte[] word = in.readNBytes(in.readUnsignedShort());
      rows.put(new String(word, StandardCharsets.UTF_8), row);
      scales[row] = in.readFloat();
      in.readFully(components, row * dimensions, dimensions);
    }
    return new WordVectors(Map.copyOf(rows), dimensions, components, scales);
  }

  public int dimensions() {
    return dimensions;
  }

  public int size() {
    return scales.length;
  }

  public boolean contains(String word) {
    return rows.containsKey(word);
  }

  /**
   * Writes the unit-length, frequency-weighted average of the vectors of the {@code words} that
   * have one into {@code out} and returns true; false (and {@code out} untouched) if none has.
   */
  public boolean average(String[] words, float[] out) {
    double[] sum = new double[dimensions];
    boolean any = false;
    for (String word : words) {
      Integer row = rows.get(word);
      if (row == null) {
        continue;
      }
      any = true;
      double weight = scales[row] * (row + 1) / (row + 1 + SIF_RANK);
      int at = row * dimensions;
      for (int d = 0; d < dimensions; d++) {
        sum[d] += weight * components[at + d];
      }
    }
    double norm = 0;
    for (double v : sum) {
      norm += v * v;
    }
    if (!any || norm == 0) {
      return false;
    }
    double inverse = 1 / Math.sqrt(norm);
    for (int d = 0; d < dimensions; d++) {
      out[d] = (float) (sum[d] * inverse);
    }
    return true;
  }
}
