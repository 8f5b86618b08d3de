package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townhall.nlp.classify.LabeledText;
import org.townhall.nlp.content.ContentPackException.Problem;

class TestSetReaderTests {

  @TempDir
  Path dir;

  @Test
  void readsTheTestsFolderApartFromTraining() {
    PackFolder.valid(dir)
        .file("tests/holdout.jsonl", """
            {"text": "is it bin day tomorrow", "intent": "bin_collection_day"}

            {"text": "big hole in the road", "intent": "report_pothole"}
            """)
        .file("tests/inbox.jsonl", """
            {"text": "can I get a fishing licence", "intent": "oos"}
            {"text": "when's the recycling", "intent": "retired_intent"}
            """);

    ContentPack pack = ContentPackReader.read(dir);

    assertThat(pack.tests()).extracting(TestSet::name).containsExactly("holdout.jsonl", "inbox.jsonl");
    assertThat(pack.tests().get(0).messages()).containsExactly(
        new LabeledText("is it bin day tomorrow", "bin_collection_day"),
        new LabeledText("big hole in the road", "report_pothole"));
    assertThat(pack.tests().get(1).messages()).extracting(LabeledText::intent).containsExactly("oos", "retired_intent");
    assertThat(pack.trainingExamples()).extracting(LabeledText::text)
        .doesNotContain("is it bin day tomorrow", "can I get a fishing licence");
  }

  @Test
  void aPackWithoutTestsHasNone() {
    assertThat(ContentPackReader.read(PackFolder.valid(dir).dir).tests()).isEmpty();
  }

  @Test
  void reportsEachBadLineWithItsFileAndLine() {
    PackFolder.valid(dir)
        .file("tests/holdout.jsonl", """
            {"text": "is it bin day tomorrow", "intent": "bin_collection_day"}
            {"text": "", "intent": "bin_collection_day"}
            {"text": "no label"}
            not json at all
            {"text": "bad label", "intent": "Bin Day"}
            """)
        .file("tests/notes.yml", "messages: []\n");

    ContentPackException e = catchThrowableOfType(ContentPackException.class, () -> ContentPackReader.read(dir));

    assertThat(e.problems()).extracting(Problem::file, Problem::line).containsExactly(
        tuple("tests/holdout.jsonl", 2), tuple("tests/holdout.jsonl", 3), tuple("tests/holdout.jsonl", 4),
        tuple("tests/holdout.jsonl", 5), tuple("tests/notes.yml", 0));
    assertThat(e.problems()).extracting(Problem::message).satisfiesExactly(
        m -> assertThat(m).contains("needs \"text\""),
        m -> assertThat(m).contains("needs \"intent\""),
        m -> assertThat(m).contains("is not a JSON object"),
        m -> assertThat(m).contains("needs \"intent\""),
        m -> assertThat(m).contains("not a test file"));
  }

  @Test
  void theBuiltInPackCarriesItsHoldOutSet() {
    ContentPack pack = ContentPackReader.builtIn();

    TestSet holdout = pack.tests().stream().filter(t -> t.name().equals("holdout.jsonl")).findFirst().orElseThrow();
    assertThat(holdout.messages()).hasSize(291);
    assertThat(holdout.messages()).extracting(LabeledText::intent)
        .allMatch(i -> i.equals(LabeledText.OUT_OF_SCOPE) || pack.intent(i).isPresent());
  }
}
