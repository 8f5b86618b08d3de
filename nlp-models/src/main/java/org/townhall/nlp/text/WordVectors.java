package org.townhall.nlp.text;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Pre-trained English word vectors (GloVe, 100 dimensions), so that a message can be understood
 * through words its intent's phrases do not use: "lorry" lies near "truck", "moths" near
 * "pests". Read from the compact file that {@code nlp-models/vectors/convert.py} writes (words in
 * frequency order, each a scale and signed bytes). Only the 50,000 most frequent words are
 * shipped, so rarer council words ("silverfish", "wheelie") have no vector and are left to the
 * n-gram features.
 *
 * <p>Immutable and thread-safe once loaded.
 */
public final class WordVectors {

  static final String RESOURCE = "/org/townhall/nlp/vectors/glove-en-100d.bin.gz";
  /** Far above any real vocabulary; a header beyond these is corrupt, not large. */
  private static final int MAX_WORDS = 2_000_000;
  private static final int MAX_DIMENSIONS = 1_024;
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
  private final String id;

  private WordVectors(Map<String, Integer> rows, int dimensions, byte[] components,
      float[] scales, String id) {
    this.rows = rows;
    this.dimensions = dimensions;
    this.components = components;
    this.scales = scales;
    this.id = id;
  }

  /** Loaded on first use; a failure is kept and reported on every use, not once as an Error. */
  private static final class Shipped {
    static final Object INSTANCE = loadShipped();

    private static Object loadShipped() {
      try (InputStream in = WordVectors.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        return read(in);
      } catch (IOException | RuntimeException e) {
        return new IllegalStateException("cannot read the word vectors " + RESOURCE + ": "
            + e.getMessage(), e);
      }
    }
  }

  /**
   * The vectors shipped with nlp-models, loaded once on first use.
   *
   * @throws IllegalStateException if they are missing or unreadable (a broken build)
   */
  public static WordVectors english() {
    if (Shipped.INSTANCE instanceof IllegalStateException failure) {
      throw new IllegalStateException(failure.getMessage(), failure);
    }
    return (WordVectors) Shipped.INSTANCE;
  }

  /**
   * Reads a file in the converter's format.
   *
   * @throws IOException if the stream fails or is not a complete, well-formed vector file
   */
  public static WordVectors read(InputStream raw) throws IOException {
    MessageDigest sha256;
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    DataInputStream in = new DataInputStream(new BufferedInputStream(
        new GZIPInputStream(new DigestInputStream(raw, sha256), 1 << 16), 1 << 16));
    byte[] magic = in.readNBytes(4);
    int version = in.readInt();
    if (!"THWV".equals(new String(magic, StandardCharsets.US_ASCII)) || version != 1) {
      throw new IOException("not a word-vector file (version 1)");
    }
    int count = in.readInt();
    int dimensions = in.readInt();
    if (count < 1 || count > MAX_WORDS || dimensions < 1 || dimensions > MAX_DIMENSIONS) {
      throw new IOException("bad word-vector header: " + count + " x " + dimensions);
    }
    Map<String, Integer> rows = new HashMap<>();
    // grown as rows arrive, so a corrupt header's count cannot make us allocate gigabytes up front
    int capacity = Math.min(count, 4_096);
    byte[] components = new byte[capacity * dimensions];
    float[] scales = new float[capacity];
    for (int row = 0; row < count; row++) {
      if (row == capacity) {
        capacity = (int) Math.min(count, 2L * capacity);
        components = Arrays.copyOf(components, capacity * dimensions);
        scales = Arrays.copyOf(scales, capacity);
      }
      String word = new String(in.readNBytes(in.readUnsignedShort()), StandardCharsets.UTF_8);
      if (rows.putIfAbsent(word, row) != null) {
        throw new IOException("word '" + word + "' appears twice in the word-vector file");
      }
      scales[row] = in.readFloat();
      if (!(scales[row] > 0) || Float.isInfinite(scales[row])) {
        throw new IOException("bad scale for '" + word + "' in the word-vector file");
      }
      in.readFully(components, row * dimensions, dimensions);
    }
    if (in.read() != -1) {
      throw new IOException("data after the last word of the word-vector file");
    }
    return new WordVectors(Map.copyOf(rows), dimensions, components, scales,
        count + "x" + dimensions + " sha256:" + HexFormat.of().formatHex(sha256.digest()));
  }

  /**
   * Which vectors these are (size and checksum of the file). Stored with a model, because a model
   * trained on one set of vectors means nothing with another.
   */
  public String id() {
    return id;
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
