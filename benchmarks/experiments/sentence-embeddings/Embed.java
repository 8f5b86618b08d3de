import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Embeds each line of a file with a sentence-embedding model (ONNX, in process) and writes the
 * vectors as big-endian float32 rows; or, with "latency", times single short messages.
 *
 * <pre>java Embed bge|minilm LINES.txt OUT.f32
 * java Embed bge|minilm latency</pre>
 */
public class Embed {
  public static void main(String[] args) throws Exception {
    EmbeddingModel model = switch (args[0]) {
      case "bge" -> new BgeSmallEnV15EmbeddingModel();
      case "minilm" -> new AllMiniLmL6V2EmbeddingModel();
      default -> throw new IllegalArgumentException("model: bge or minilm");
    };
    if (args[1].equals("latency")) {
      latency(args[0], model);
      return;
    }
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    try (DataOutputStream out = new DataOutputStream(
        new BufferedOutputStream(new FileOutputStream(args[2])))) {
      for (int i = 0; i < lines.size(); i += 256) {
        List<TextSegment> batch = new ArrayList<>();
        for (String line : lines.subList(i, Math.min(lines.size(), i + 256))) {
          batch.add(TextSegment.from(line.isBlank() ? "?" : line));
        }
        for (var embedding : model.embedAll(batch).content()) {
          for (float x : embedding.vector()) {
            out.writeFloat(x);
          }
        }
      }
    }
    System.out.println("embedded " + lines.size() + " lines with " + args[0]);
  }

  private static void latency(String name, EmbeddingModel model) {
    String[] messages = {"my bin was not collected today", "council tax band", "hello",
        "there are moths eating my carpets and I need someone to come out"};
    for (int i = 0; i < 300; i++) {
      model.embed(messages[i % messages.length]);
    }
    long[] nanos = new long[2000];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      model.embed(messages[i % messages.length]);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf("%s one message: p50 %d us, p99 %d us%n", name, nanos[1000] / 1000,
        nanos[1980] / 1000);
  }
}
