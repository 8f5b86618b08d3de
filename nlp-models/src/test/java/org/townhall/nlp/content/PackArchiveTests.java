package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PackArchiveTests {

  private static final PackArchive BUILT_IN = PackArchive.builtIn();

  @Test
  void theBuiltInPackSurvivesAZipRoundTripAndReadsAsThePackItIs() {
    PackArchive back = PackArchive.unzip(BUILT_IN.zip());
    assertThat(back.id()).isEqualTo(BUILT_IN.id());
    assertThat(back.files().keySet()).contains("pack.yml", "signposts.yml").hasSizeGreaterThan(60);
    ContentPack pack = back.read();
    assertThat(pack.intents()).hasSameSizeAs(ContentPackReader.builtIn().intents());
    assertThat(pack.trainingExamples()).isEqualTo(ContentPackReader.builtIn().trainingExamples());
  }

  @Test
  void theSameFilesZipToTheSameBytes() {
    assertThat(BUILT_IN.zip()).isEqualTo(PackArchive.unzip(BUILT_IN.zip()).zip());
  }

  @Test
  void aChangedFileIsTheOnlyChangeAndChangesTheId() {
    PackArchive changed = BUILT_IN.with("out-of-scope.yml",
        (BUILT_IN.text("out-of-scope.yml").orElseThrow() + "  - \"what's the weather on mars\"\n").getBytes(StandardCharsets.UTF_8));
    assertThat(changed.changedFrom(BUILT_IN)).containsExactly("out-of-scope.yml");
    assertThat(changed.id()).isNotEqualTo(BUILT_IN.id());
    assertThat(changed.without("signposts.yml").changedFrom(changed)).containsExactly("signposts.yml");
  }

  @Test
  void aZipOfOneTopFolderIsReadFromInsideIt() throws IOException {
    PackArchive archive = PackArchive.unzip(zip(Map.of("council-pack-main/pack.yml", "name: x\n",
        "council-pack-main/intents/a.yml", "id: a\n")));
    assertThat(archive.files().keySet()).containsExactly("intents/a.yml", "pack.yml");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../pack.yml", "/etc/passwd.yml", "intents/../../x.yml", "run.sh", "a\u0000.yml",
      "intents/.hidden.yml", "a/b/c/d/e/f.yml", "intents\\a.yml", ""})
  void pathsOutsideThePackOrOfOtherKindsAreRefused(String path) {
    assertThat(PackArchive.isSafePath(path)).isFalse();
    assertThatThrownBy(() -> PackArchive.of(Map.of(path, new byte[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a file a content pack can hold");
  }

  @Test
  void anArchiveThatUnpacksBeyondTheLimitIsRefused() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("intents/huge.yml"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i <= PackArchive.MAX_BYTES / zeros.length; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    assertThat(out.size()).as("compresses small, like a zip bomb").isLessThan(1 << 20);
    assertThatThrownBy(() -> PackArchive.unzip(out.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32 MB");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "not a zip at all", "PK\u0003\u0004 broken"})
  void bytesThatAreNotAZipAreRefusedClearly(String bytes) {
    assertThatThrownBy(() -> PackArchive.unzip(bytes.getBytes(StandardCharsets.ISO_8859_1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBrokenFileIsReportedWithItsNameWhenRead() {
    PackArchive broken = BUILT_IN.with("pack.yml", "name: [unclosed\n".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(broken::read).isInstanceOf(ContentPackException.class).hasMessageContaining("pack.yml");
  }

  private static byte[] zip(Map<String, String> files) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }
}
