package org.townhall.nlp.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a small content pack into a folder, file by file, for reader tests. */
final class PackFolder {

  static final String PACK = """
      name: Test Council
      locale: en-GB
      thresholds:
        answer: 0.6
        clarify: 0.3
      """;

  final Path dir;

  PackFolder(Path dir) {
    this.dir = dir;
  }

  /** A valid pack with two intents and two out-of-scope phrases. */
  static PackFolder valid(Path dir) {
    return new PackFolder(dir)
        .file("pack.yml", PACK)
        .file("intents/bin_collection_day.yml", intent("bin_collection_day", "waste",
            "when is my bin collected", "which day is bin day"))
        .file("intents/report_pothole.yml", intent("report_pothole", "highways",
            "there is a pothole in my road", "report a pothole"))
        .file("out-of-scope.yml", """
            phrases:
              - what's the weather tomorrow
              - how do I renew my passport
            """);
  }

  static String intent(String id, String team, String... phrases) {
    StringBuilder yaml = new StringBuilder()
        .append("id: ").append(id).append('\n')
        .append("title: ").append(id.replace('_', ' ')).append('\n')
        .append("team: ").append(team).append('\n')
        .append("answer:\n  text: Here is the answer.\n")
        .append("  link: https://www.example.gov.uk/").append(id).append('\n')
        .append("phrases:\n");
    for (String phrase : phrases) {
      yaml.append("  - ").append(phrase).append('\n');
    }
    return yaml.toString();
  }

  PackFolder file(String name, String content) {
    try {
      Path path = dir.resolve(name);
      Files.createDirectories(path.getParent());
      Files.writeString(path, content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  PackFolder delete(String name) {
    try {
      Files.delete(dir.resolve(name));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
