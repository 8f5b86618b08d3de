package org.townhall.nlp.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.evaluation.Jsonl;

/**
 * Writes the benchmark splits as JSONL, reading {@code shared/datasets} without changing it.
 *
 * <ul>
 *   <li>{@code clinc150/}: {@code train} (train + oos_train), {@code val} (val + oos_val),
 *       {@code test} (test + oos_test).
 *   <li>{@code banking77/}: {@code train}, {@code test}.
 *   <li>{@code hwu64/}: {@code train} (folds 2-10, {@code answer_from_anno}), {@code test} (fold 1).
 * </ul>
 *
 * <p>BANKING77 and HWU64 have no validation split, so each also gets {@code train-fit} and
 * {@code val}: every 10th training example of each intent (in file order) goes to {@code val}.
 * Model selection uses those; the test files are only ever used for the final number.
 */
public final class BenchmarkConverter {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path datasets;
  private final Path out;
  private final PrintStream log;

  public BenchmarkConverter(Path datasets, Path out, PrintStream log) {
    this.datasets = datasets;
    this.out = out;
    this.log = log;
  }

  public void convertAll() throws IOException {
    Checksums.verify(datasets);
    clinc150();
    banking77();
    hwu64();
  }

  private void clinc150() throws IOException {
    JsonNode data = JSON.readTree(datasets.resolve("clinc150/data_full.json").toFile());
    write("clinc150/train", concat(pairs(data, "train"), pairs(data, "oos_train")));
    write("clinc150/val", concat(pairs(data, "val"), pairs(data, "oos_val")));
    write("clinc150/test", concat(pairs(data, "test"), pairs(data, "oos_test")));
  }

  private void banking77() throws IOException {
    List<LabeledText> train = banking("train.csv");
    write("banking77/train", train);
    write("banking77/test", banking("test.csv"));
    writeValidationSplit("banking77", train);
  }

  private void hwu64() throws IOException {
    String csv = Files.readString(datasets.resolve("hwu64/hwu64_10fold.csv"), StandardCharsets.UTF_8);
    List<List<String>> rows = CsvRecords.parse(csv, ';');
    List<LabeledText> train = new ArrayList<>();
    List<LabeledText> test = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      LabeledText example = new LabeledText(row.get(5), row.get(2) + "_" + row.get(3));
      (row.get(0).equals("1") ? test : train).add(example);
    }
    write("hwu64/train", train);
    write("hwu64/test", test);
    writeValidationSplit("hwu64", train);
  }

  private List<LabeledText> banking(String file) throws IOException {
    String csv = Files.readString(datasets.resolve("banking77").resolve(file), StandardCharsets.UTF_8);
    List<List<String>> rows = CsvRecords.parse(csv, ',');
    List<LabeledText> examples = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      examples.add(new LabeledText(row.get(0), row.get(1)));
    }
    return examples;
  }

  private void writeValidationSplit(String dataset, List<LabeledText> train) throws IOException {
    List<LabeledText> fit = new ArrayList<>();
    List<LabeledText> val = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (LabeledText example : train) {
      int n = seen.merge(example.intent(), 1, Integer::sum);
      (n % 10 == 0 ? val : fit).add(example);
    }
    write(dataset + "/train-fit", fit);
    write(dataset + "/val", val);
  }

  private static List<LabeledText> pairs(JsonNode data, String key) {
    List<LabeledText> examples = new ArrayList<>();
    for (JsonNode pair : data.get(key)) {
      examples.add(new LabeledText(pair.get(0).asText(), pair.get(1).asText()));
    }
    return examples;
  }

  private static List<LabeledText> concat(List<LabeledText> a, List<LabeledText> b) {
    List<LabeledText> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private void write(String name, List<LabeledText> examples) throws IOException {
    Path file = out.resolve(name + ".jsonl");
    Jsonl.write(file, examples);
    log.printf("%-28s %6d examples, %3d labels%n", name + ".jsonl", examples.size(),
        examples.stream().map(LabeledText::intent).distinct().count());
  }
}
