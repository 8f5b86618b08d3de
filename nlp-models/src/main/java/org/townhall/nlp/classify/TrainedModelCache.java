package org.townhall.nlp.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Trained models kept on disk, keyed by a hash of everything training depends on (the examples in
 * order, the settings and the model file format), so that a restart with the same content loads the
 * model in a fraction of a second instead of training it again. A missing, stale or unreadable file
 * is simply trained again; a file that cannot be written only costs the next start its training.
 */
public final class TrainedModelCache {

  /**
   * What happened.
   *
   * @param model the model
   * @param loaded whether it was read from the cache (else trained now)
   * @param file where it is kept
   * @param millis how long it took
   * @param problem why the cache could not be read or written, or null
   */
  public record Outcome(IntentModel model, boolean loaded, Path file, long millis, String problem) {}

  private final Path dir;

  public TrainedModelCache(Path dir) {
    this.dir = dir;
  }

  /** The model for these examples and settings: from the cache, or trained and then kept there. */
  public Outcome trainOrLoad(String name, List<LabeledText> examples, TrainingSettings settings) {
    long started = System.nanoTime();
    Path file = dir.resolve(name + "-" + key(examples, settings) + ".model");
    String problem = null;
    if (Files.isRegularFile(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        return new Outcome(IntentModel.read(in), true, file, elapsed(started), null);
      } catch (IOException | RuntimeException e) {
        problem = "could not read " + file + " (" + e.getMessage() + "); trained again";
      }
    }
    IntentModel model = IntentTrainer.train(examples, settings);
    try {
      write(model, file);
    } catch (IOException | RuntimeException e) {
      problem = "could not keep the model in " + file + ": " + e.getMessage();
    }
    return new Outcome(model, false, file, elapsed(started), problem);
  }

  /** Everything training depends on, hashed: the format, the settings and the examples in order. */
  static String key(List<LabeledText> examples, TrainingSettings settings) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(("format " + ModelFile.VERSION + "\n").getBytes(StandardCharsets.UTF_8));
      Properties properties = settings.toProperties();
      for (String key : new TreeSet<>(properties.stringPropertyNames())) {
        digest.update((key + "=" + properties.getProperty(key) + "\n").getBytes(StandardCharsets.UTF_8));
      }
      for (LabeledText example : examples) {
        digest.update((example.intent() + "\t" + example.text() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /** Written next to its place and moved in, so a reader never sees half a file. */
  private void write(IntentModel model, Path file) throws IOException {
    Files.createDirectories(dir);
    Path partial = Files.createTempFile(dir, file.getFileName().toString(), ".partial");
    try {
      try (OutputStream out = Files.newOutputStream(partial)) {
        model.write(out);
      }
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  private static long elapsed(long started) {
    return (System.nanoTime() - started) / 1_000_000;
  }
}
