package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInPackTests {

  @TempDir
  Path dir;

  @Test
  void readsThePackFromInsideAJar() throws IOException {
    Path jar = jarOf(PackFolder.valid(dir.resolve("pack")).dir);
    URL marker = new URL("jar:" + jar.toUri() + "!/" + BuiltInPack.LOCATION + "pack.yml");

    ContentPack pack = BuiltInPack.read(marker);

    assertThat(pack.intents()).hasSize(2);
    assertThat(pack.outOfScope()).hasSize(2);
  }

  @Test
  void readsThePackFromAJarTwiceInARow() throws IOException {
    Path jar = jarOf(PackFolder.valid(dir.resolve("pack")).dir);
    URL marker = new URL("jar:" + jar.toUri() + "!/" + BuiltInPack.LOCATION + "pack.yml");

    assertThat(BuiltInPack.read(marker)).isEqualTo(BuiltInPack.read(marker));
  }

  private Path jarOf(Path pack) throws IOException {
    Path jar = dir.resolve("pack.jar");
    List<Path> files;
    try (Stream<Path> walk = Files.walk(pack)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      for (Path f : files) {
        String name = BuiltInPack.LOCATION + pack.relativize(f).toString().replace('\\', '/');
        out.putNextEntry(new JarEntry(name));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
