package org.townhall.nlp.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.townhall.nlp.content.YamlMapping.Text;

/** Reading shared by the pack's files: lists of phrases, and the files of a folder. */
final class PackFiles {

  private PackFiles() {}

  /**
   * A file holding only {@code phrases:} (out-of-scope examples, look-alikes), each added to the
   * index that finds duplicates; none when the file is absent.
   */
  static List<String> phrases(Path file, String name, Problems problems, PhraseIndex index) {
    if (!Files.exists(file)) {
      return List.of();
    }
    Optional<YamlMapping> yaml = YamlFile.read(file, name, problems);
    yaml.ifPresent(y -> y.rejectUnknownFields(Set.of("phrases"), name));
    List<Text> texts = yaml.map(y -> y.textList("phrases", true)).orElse(List.of());
    texts.forEach(p -> index.add(name, p));
    return texts.stream().map(Text::value).toList();
  }

  /** A folder's files in name order, hidden ones left out; a problem (and none) if it cannot be listed. */
  static List<Path> list(Path dir, String name, Problems problems) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> !f.getFileName().toString().startsWith("."))
          .sorted(Comparator.comparing(f -> f.getFileName().toString()))
          .toList();
    } catch (IOException e) {
      problems.add(name + "/", 0, "cannot list the files: " + e);
      return List.of();
    }
  }
}
