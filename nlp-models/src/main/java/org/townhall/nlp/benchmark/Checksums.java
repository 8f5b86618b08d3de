package org.townhall.nlp.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** The SHA-256 of each source file, as published in {@code shared/datasets/README.md}. */
final class Checksums {

  static final Map<String, String> SHA_256 = Map.of(
      "clinc150/data_full.json", "36923c3705a59e08fe9c3883d8bc2dd966ef93e22cb78ac41171782a698d56e0",
      "banking77/train.csv", "b06e26ac675513959a63135f11b94ea7786ed02da65db93a5650d8838cbc664b",
      "banking77/test.csv", "d12d6e3bc4c3103966ae786dc435913c0c563dfa328f5a3646d0e62cfeeb474d",
      "hwu64/hwu64_10fold.csv", "eb9c0aa10bd7713d2ff087b093f3f9179c477033ebe74174a09a8a0e653603b6");

  private Checksums() {}

  /** @throws IOException naming the first file that is missing or differs from the published data */
  static void verify(Path datasets) throws IOException {
    for (Map.Entry<String, String> entry : SHA_256.entrySet()) {
      String actual = sha256(datasets.resolve(entry.getKey()));
      if (!actual.equals(entry.getValue())) {
        throw new IOException(entry.getKey() + " has SHA-256 " + actual + ", expected "
            + entry.getValue() + ": not the published data set");
      }
    }
  }

  private static String sha256(Path file) throws IOException {
    try (InputStream in = new DigestInputStream(Files.newInputStream(file),
        MessageDigest.getInstance("SHA-256"))) {
      MessageDigest digest = ((DigestInputStream) in).getMessageDigest();
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
