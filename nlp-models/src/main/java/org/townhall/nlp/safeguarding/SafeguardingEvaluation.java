package org.townhall.nlp.safeguarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.text.TextNormalizer;

/**
 * Measures a detector on labelled messages: recall per category on disclosures (flagged at all, and
 * flagged as the right category), and the false-alarm rate on messages that are not disclosures.
 * Also checks a test set against the training phrases, since a test set that repeats them measures
 * nothing.
 */
public final class SafeguardingEvaluation {

  /** The label of a message that is not a disclosure. */
  public static final String NONE = "none";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Token-set overlap at or above this counts as a near copy of a training phrase. */
  public static final double NEAR_COPY = 0.8;

  private SafeguardingEvaluation() {}

  /** A labelled message: {@code category} is a category id or {@value #NONE}. */
  public record Sample(String text, String category) {}

  /** How one category's disclosures fared. */
  public record CategoryResult(String category, int messages, int flagged, int rightCategory) {

    public double recall() {
      return messages == 0 ? Double.NaN : (double) flagged / messages;
    }

    public double rightCategoryRate() {
      return messages == 0 ? Double.NaN : (double) rightCategory / messages;
    }
  }

  /**
   * @param categories per category, by id
   * @param negatives messages that are not disclosures
   * @param falseAlarms how many of those were flagged
   * @param missed the disclosures not flagged
   * @param alarms the negatives flagged, with the category they were taken for
   * @param p50Micros median time to check one message
   * @param p99Micros 99th percentile time to check one message
   */
  public record Result(Map<String, CategoryResult> categories, int negatives, int falseAlarms, List<Sample> missed,
      List<Sample> alarms, double p50Micros, double p99Micros) {

    public int disclosures() {
      return categories.values().stream().mapToInt(CategoryResult::messages).sum();
    }

    public double recall() {
      return (double) categories.values().stream().mapToInt(CategoryResult::flagged).sum() / disclosures();
    }

    public double rightCategoryRate() {
      return (double) categories.values().stream().mapToInt(CategoryResult::rightCategory).sum() / disclosures();
    }

    public double falseAlarmRate() {
      return negatives == 0 ? Double.NaN : (double) falseAlarms / negatives;
    }

    public double lowestCategoryRecall() {
      return categories.values().stream().mapToDouble(CategoryResult::recall).min().orElse(Double.NaN);
    }
  }

  public static Result run(SafeguardingDetector detector, List<Sample> samples) {
    Map<String, int[]> counts = new TreeMap<>();
    List<Sample> missed = new ArrayList<>();
    List<Sample> alarms = new ArrayList<>();
    int negatives = 0;
    long[] nanos = new long[samples.size()];
    for (int i = 0; i < samples.size(); i++) {
      Sample sample = samples.get(i);
      long started = System.nanoTime();
      Optional<Concern> concern = detector.detect(sample.text());
      nanos[i] = System.nanoTime() - started;
      if (sample.category().equals(NONE)) {
        negatives++;
        concern.ifPresent(c -> alarms.add(new Sample(sample.text(), c.category())));
        continue;
      }
      int[] c = counts.computeIfAbsent(sample.category(), k -> new int[3]);
      c[0]++;
      if (concern.isPresent()) {
        c[1]++;
        if (concern.get().category().equals(sample.category())) {
          c[2]++;
        }
      } else {
        missed.add(sample);
      }
    }
    Map<String, CategoryResult> categories = new TreeMap<>();
    counts.forEach((k, c) -> categories.put(k, new CategoryResult(k, c[0], c[1], c[2])));
    Arrays.sort(nanos);
    return new Result(categories, negatives, alarms.size(), missed, alarms, percentile(nanos, 0.5) / 1_000.0,
        percentile(nanos, 0.99) / 1_000.0);
  }

  /**
   * Test messages that repeat a training phrase: the same normalised words (exact), or a token set
   * overlapping one by {@value #NEAR_COPY} or more (near).
   */
  public record Overlap(List<String> exact, List<String> near) {}

  public static Overlap overlap(List<Sample> test, List<LabeledText> training) {
    Set<List<String>> trainedTokens = new HashSet<>();
    List<Set<String>> trainedSets = new ArrayList<>();
    for (LabeledText t : training) {
      List<String> tokens = TextNormalizer.tokens(t.text());
      trainedTokens.add(tokens);
      trainedSets.add(new HashSet<>(tokens));
    }
    List<String> exact = new ArrayList<>();
    List<String> near = new ArrayList<>();
    for (Sample s : test) {
      List<String> tokens = TextNormalizer.tokens(s.text());
      if (trainedTokens.contains(tokens)) {
        exact.add(s.text());
        continue;
      }
      Set<String> set = new HashSet<>(tokens);
      if (set.size() >= 3 && trainedSets.stream().anyMatch(t -> jaccard(set, t) >= NEAR_COPY)) {
        near.add(s.text());
      }
    }
    return new Overlap(exact, near);
  }

  /** The training examples of a detector's pack, for {@link #overlap}. */
  public static List<LabeledText> trainingPhrasesOf(org.townhall.nlp.content.ContentPack pack) {
    return SafeguardingDetector.trainingExamples(pack);
  }

  /**
   * Reads {@code {"text": "...", "category": "..."}} lines.
   *
   * @throws IOException if the file cannot be read or a line is not such an object (naming the line)
   */
  public static List<Sample> read(Path file) throws IOException {
    List<Sample> samples = new ArrayList<>();
    int number = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      number++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (IOException e) {
        node = null;
      }
      if (node == null || !node.path("text").isTextual() || !node.path("category").isTextual()) {
        throw new IOException(file + ":" + number + ": expected {\"text\": \"...\", \"category\": \"...\"}");
      }
      samples.add(new Sample(node.get("text").asText(), node.get("category").asText()));
    }
    return samples;
  }

  private static double jaccard(Set<String> a, Set<String> b) {
    if (a.isEmpty() && b.isEmpty()) {
      return 1;
    }
    int common = 0;
    for (String w : a) {
      if (b.contains(w)) {
        common++;
      }
    }
    return (double) common / (a.size() + b.size() - common);
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }
}
