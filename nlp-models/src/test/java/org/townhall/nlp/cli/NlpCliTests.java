package org.townhall.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.evaluation.Jsonl;

class NlpCliTests {

  @TempDir
  Path dir;

  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return NlpCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  static List<LabeledText> examples(int copies) {
    List<LabeledText> examples = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      examples.add(new LabeledText("when is my bin collected " + i, "bin_day"));
      examples.add(new LabeledText("report a pothole on road " + i, "pothole"));
      examples.add(new LabeledText("what is the weather like " + i, "oos"));
    }
    return examples;
  }

  @Test
  void evaluatePrintsATableAndTheContractJsonOnTheLastLine() throws Exception {
    Jsonl.write(dir.resolve("train.jsonl"), examples(12));
    Jsonl.write(dir.resolve("val.jsonl"), examples(3));
    Jsonl.write(dir.resolve("test.jsonl"), examples(2));

    int status = run("evaluate", "--train", dir.resolve("train.jsonl").toString(), "--val",
        dir.resolve("val.jsonl").toString(), "--test", dir.resolve("test.jsonl").toString(),
        "--json", "--set", "calibrationFolds=0");

    assertThat(status).isZero();
    String[] lines = output().strip().split("\n");
    assertThat(output()).contains("precision").contains("most confused");
    JsonNode json = new ObjectMapper().readTree(lines[lines.length - 1]);
    assertThat(json.fieldNames()).toIterable().contains("in_scope_accuracy", "oos_recall",
        "oos_precision", "macro_f1", "train_seconds", "classify_p50_us", "classify_p99_us",
        "test_examples");
    assertThat(json.get("test_examples").asInt()).isEqualTo(6);
    assertThat(json.get("in_scope_accuracy").asDouble()).isBetween(0.0, 1.0);
  }

  @Test
  void trainWritesAModelThatClassifyLoads() throws Exception {
    Jsonl.write(dir.resolve("train.jsonl"), examples(12));
    Path model = dir.resolve("model.bin");

    assertThat(run("train", "--train", dir.resolve("train.jsonl").toString(), "--out",
        model.toString(), "--set", "calibrationFolds=2")).isZero();
    assertThat(Files.size(model)).isPositive();
    assertThat(run("classify", "--model", model.toString(), "pothole on my road")).isZero();

    assertThat(output()).contains("pothole").contains("verdict:");
  }

  @Test
  void rejectsUnknownCommandsAndOptionsWithUsage() {
    assertThat(run("frobnicate")).isEqualTo(2);
    assertThat(run("evaluate", "--tset", "x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
  }
}
