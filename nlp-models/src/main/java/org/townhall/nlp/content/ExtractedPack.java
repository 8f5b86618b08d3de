package org.townhall.nlp.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Fallback for a jar that no zip file system can open (such as a jar nested in another): copies
 * the pack's entries to a temporary folder, reads it there, and deletes the copy.
 */
final class ExtractedPack {

  private ExtractedPack() {}

  static ContentPack read(JarURLConnection connection) throws IOException {
    connection.setUseCaches(false);
    Path dir = Files.createTempDirectory("townhall-pack");
    try (JarFile jar = connection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith(BuiltInPack.LOCATION) && !entry.isDirectory()) {
          Path target = dir.resolve(name.substring(BuiltInPack.LOCATION.length())).normalize();
          if (!target.startsWith(dir)) {
            continue; // never write outside the temporary folder
          }
          Files.createDirectories(target.getParent());
          try (InputStream in = jar.getInputStream(entry)) {
            Files.copy(in, target);
          }
        }
      }
      return ContentPackReader.read(dir);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
