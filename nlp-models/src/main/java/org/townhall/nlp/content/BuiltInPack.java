package org.townhall.nlp.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Locates the built-in pack on the classpath. From {@code target/classes} it is a folder; inside
 * a jar it is read through a zip {@link FileSystem} opened on the jar (closed again afterwards, if
 * this class opened it).
 */
final class BuiltInPack {

  static final String LOCATION = "org/townhall/nlp/pack/en/";

  private BuiltInPack() {}

  static ContentPack read() {
    URL marker = BuiltInPack.class.getClassLoader().getResource(LOCATION + ContentPackReader.PACK_FILE);
    if (marker == null) {
      throw new IllegalStateException("the built-in content pack is not on the classpath: "
          + LOCATION + ContentPackReader.PACK_FILE);
    }
    return read(marker);
  }

  /** Reads the pack whose {@code pack.yml} is at {@code marker} (a file: or jar: URL). */
  static ContentPack read(URL marker) {
    try {
      URI uri = marker.toURI();
      if ("jar".equals(uri.getScheme())) {
        return readFromJar(marker, uri);
      }
      return ContentPackReader.read(Path.of(uri).getParent());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("cannot locate the built-in content pack at " + marker, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the built-in content pack at " + marker, e);
    }
  }

  private static ContentPack readFromJar(URL marker, URI uri) throws IOException {
    String spec = uri.toString();
    URI jar = URI.create(spec.substring(0, spec.lastIndexOf("!/")));
    String inside = "/" + LOCATION;
    try (FileSystem fs = FileSystems.newFileSystem(jar, Map.of())) {
      return ContentPackReader.read(fs.getPath(inside));
    } catch (FileSystemAlreadyExistsException e) {
      return ContentPackReader.read(FileSystems.getFileSystem(jar).getPath(inside));
    } catch (IOException | RuntimeException e) {
      if (e instanceof ContentPackException problems) {
        throw problems;
      }
      // e.g. a jar nested in a Spring Boot jar without a file system provider for it
      return PackArchive.builtIn().read();
    }
  }
}
