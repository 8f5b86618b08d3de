package org.townhall.nlp.evaluation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.townhall.nlp.classify.LabeledText;

/** Reads and writes labelled messages as JSON lines: {@code {"text": "...", "intent": "..."}}. */
public final class Jsonl {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Jsonl() {}

  /**
   * @throws IOException if the file cannot be read, or a non-blank line is not an object with
   *     string fields {@code text} and {@code intent} (the message names the line)
   */
  public static List<LabeledText> read(Path file) throws IOException {
    List<LabeledText> examples = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int lineNumber = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        examples.add(parse(line, file, lineNumber));
      }
    }
    return examples;
  }

  public static void write(Path file, List<LabeledText> examples) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (LabeledText example : examples) {
        ObjectNode node = JSON.createObjectNode();
        node.put("text", example.text());
        node.put("intent", example.intent());
        writer.write(JSON.writeValueAsString(node));
        writer.write('\n');
      }
    }
  }

  private static LabeledText parse(String line, Path file, int lineNumber) throws IOException {
    try {
      JsonNode node = JSON.readTree(line);
      JsonNode text = node.get("text");
      JsonNode intent = node.get("intent");
      if (text != null && text.isTextual() && intent != null && intent.isTextual()) {
        return new LabeledText(text.asText(), intent.asText());
      }
    } catch (IOException e) {
      // reported below with the line number
    }
    throw new IOException(file + ":" + lineNumber
        + ": expected {\"text\": \"...\", \"intent\": \"...\"}");
  }
}
