package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class WordVectorsTests {

  private final WordVectors vectors = WordVectors.english();

  @Test
  void theShippedVectorsCoverEverydayAndCouncilWords() {
    assertThat(vectors.dimensions()).isEqualTo(100);
    assertThat(vectors.size()).isEqualTo(50_000);
    assertThat(vectors).matches(v -> v.contains("rubbish") && v.contains("potholes")
        && v.contains("council") && v.contains("colour"), "knows council words, British spelling");
    assertThat(vectors.contains("Rubbish")).as("lower case only, as messages are normalised").isFalse();
  }

  @Test
  void relatedWordsLieCloserThanUnrelatedOnes() {
    assertThat(similarity("rubbish", "litter")).isGreaterThan(similarity("rubbish", "poetry") + 0.3);
    assertThat(similarity("rats", "mice")).isGreaterThan(similarity("rats", "pension") + 0.3);
    assertThat(similarity("lorry", "truck")).isGreaterThan(similarity("lorry", "wedding") + 0.3);
  }

  @Test
  void theAverageHasUnitLengthAndFrequentWordsCountForLittle() {
    float[] bins = new float[100];
    float[] theBins = new float[100];
    assertThat(vectors.average(new String[] {"bins"}, bins)).isTrue();
    assertThat(vectors.average(new String[] {"the", "bins", "are", "the"}, theBins)).isTrue();

    assertThat(length(bins)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    assertThat(dot(bins, theBins)).as("'the' and 'are' barely move the average").isGreaterThan(0.9);
  }

  @Test
  void noKnownWordLeavesTheOutputUntouched() {
    float[] out = new float[100];
    Arrays.fill(out, 7f);

    assertThat(vectors.average(new String[] {"xqzzv", "_num_"}, out)).isFalse();
    assertThat(vectors.average(new String[0], out)).isFalse();
    assertThat(out).containsOnly(7f);
  }

  @Test
  void readsTheFileFormatOfConvertPy() throws IOException {
    byte[] file = file(out -> {
      out.writeBytes("THWV");
      out.writeInt(1);
      out.writeInt(2);
      out.writeInt(3);
      word(out, "bin", 0.5f, 2, 0, 0);
      word(out, "tip", 0.25f, 0, 4, 0);
    });

    WordVectors read = WordVectors.read(new ByteArrayInputStream(file));
    float[] average = new float[3];
    read.average(new String[] {"tip"}, average);

    assertThat(read.size()).isEqualTo(2);
    assertThat(average).containsExactly(0f, 1f, 0f);
  }

  @Test
  void refusesAFileThatIsNotWordVectors() {
    assertThatThrownBy(() -> WordVectors.read(new ByteArrayInputStream(
        file(out -> out.writeBytes("PK\u0003\u0004 not vectors")))))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> WordVectors.read(new ByteArrayInputStream(file(out -> {
      out.writeBytes("THWV");
      out.writeInt(1);
      out.writeInt(5);
      out.writeInt(3);
      word(out, "bin", 0.5f, 2, 0, 0); // then the file ends: 4 words missing
    })))).isInstanceOf(IOException.class);
  }

  @Test
  void refusesCorruptHeadersAndRowsWithoutHugeAllocations() throws IOException {
    assertThatThrownBy(() -> read(out -> header(out, Integer.MAX_VALUE, 1)))
        .isInstanceOf(IOException.class).hasMessageContaining("header");
    assertThatThrownBy(() -> read(out -> header(out, 1_000_000_000, 2)))
        .isInstanceOf(IOException.class).hasMessageContaining("header");
    assertThatThrownBy(() -> read(out -> header(out, 3, 0))).isInstanceOf(IOException.class);
    // a plausible header over a short file: fails at the end of the data, having allocated little
    byte[] short_ = file(out -> {
      header(out, 1_900_000, 1_000);
      word(out, "bin", 0.5f, new int[1_000]);
    });
    var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory
        .getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    assertThatThrownBy(() -> WordVectors.read(new ByteArrayInputStream(short_)))
        .isInstanceOf(java.io.EOFException.class);
    assertThat(threads.getCurrentThreadAllocatedBytes() - before)
        .as("bytes allocated for a header promising 1.9 GB").isLessThan(100_000_000L);
    assertThatThrownBy(() -> read(out -> {
      header(out, 1, 3);
      word(out, "bin", Float.NaN, 1, 2, 3);
    })).isInstanceOf(IOException.class).hasMessageContaining("scale");
    assertThatThrownBy(() -> read(out -> {
      header(out, 2, 3);
      word(out, "bin", 0.5f, 1, 2, 3);
      word(out, "bin", 0.5f, 1, 2, 3);
    })).isInstanceOf(IOException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> read(out -> {
      header(out, 1, 3);
      word(out, "bin", 0.5f, 1, 2, 3);
      out.writeBytes("more");
    })).isInstanceOf(IOException.class).hasMessageContaining("after the last word");
  }

  @Test
  void theIdNamesTheSizeAndChecksumOfTheFile() {
    assertThat(vectors.id())
        .isEqualTo("50000x100 sha256:8a7aec801735a732672499b639012ed248e4613ebb5272db417b2c2f05f233ee");
  }

  private static WordVectors read(Writer writer) throws IOException {
    return WordVectors.read(new ByteArrayInputStream(file(writer)));
  }

  private static void header(DataOutputStream out, int count, int dimensions) throws IOException {
    out.writeBytes("THWV");
    out.writeInt(1);
    out.writeInt(count);
    out.writeInt(dimensions);
  }

  private double similarity(String a, String b) {
    float[] x = new float[100];
    float[] y = new float[100];
    assertThat(vectors.average(new String[] {a}, x) && vectors.average(new String[] {b}, y))
        .as(a + " and " + b + " have vectors").isTrue();
    return dot(x, y);
  }

  private static double dot(float[] x, float[] y) {
    double sum = 0;
    for (int i = 0; i < x.length; i++) {
      sum += x[i] * y[i];
    }
    return sum;
  }

  private static double length(float[] x) {
    return Math.sqrt(dot(x, x));
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] file(Writer writer) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
      writer.write(out);
    }
    return bytes.toByteArray();
  }

  private static void word(DataOutputStream out, String word, float scale, int... components)
      throws IOException {
    out.writeShort(word.length());
    out.writeBytes(word);
    out.writeFloat(scale);
    for (int c : components) {
      out.writeByte(c);
    }
  }
}
