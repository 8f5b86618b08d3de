package org.townhall.nlp.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.townhall.nlp.classify.LabeledText;

/**
 * Reads the pack's {@code tests/} folder: JSON lines files ({@code {"text": "...", "intent": "..."}}, the
 * format the {@code evaluate} command reads), each problem reported with its file and line.
 */
final class TestSetReader {

  static final String TESTS_DIR = "tests";
  static final String EXTENSION = ".jsonl";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Problems problems;

  TestSetReader(Problems problems) {
    this.problems = problems;
  }

  /** The folder's test sets, by file name; none when the pack has no {@code tests/} folder. */
  List<TestSet> read(Path packDir) {
    Path dir = packDir.resolve(TESTS_DIR);
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<TestSet> sets = new ArrayList<>();
    for (Path file : PackFiles.list(dir, TESTS_DIR, problems)) {
      String fileName = file.getFileName().toString();
      String name = TESTS_DIR + "/" + fileName;
      if (!fileName.endsWith(EXTENSION) || Files.isDirectory(file)) {
        problems.add(name, 0, "not a test file: expected <name>.jsonl, one {\"text\": ..., \"intent\": ...} a line");
        continue;
      }
      try {
        sets.add(new TestSet(fileName, messages(Files.readAllLines(file, StandardCharsets.UTF_8), name)));
      } catch (IOException e) {
        problems.add(name, 0, "cannot be read: " + e.getMessage());
      }
    }
    return sets;
  }

  private List<LabeledText> messages(List<String> lines, String name) {
    List<LabeledText> messages = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        JsonNode text = node == null ? null : node.get("text");
        JsonNode intent = node == null ? null : node.get("intent");
        if (text == null || !text.isTextual() || text.asText().isBlank()) {
          problems.add(name, i + 1, "needs \"text\": the message, as a resident wrote it");
        } else if (intent == null || !intent.isTextual() || !IntentFileReader.ID.matcher(intent.asText()).matches()) {
          problems.add(name, i + 1, "needs \"intent\": an intent id such as report_pothole, or oos");
        } else {
          messages.add(new LabeledText(text.asText(), intent.asText()));
        }
      } catch (IOException e) {
        problems.add(name, i + 1, "is not a JSON object such as {\"text\": \"bin day?\", \"intent\": \"bin_collection_day\"}");
      }
    }
    return messages;
  }
}
