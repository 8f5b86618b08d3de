package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trained models kept on disk: loaded when nothing changed, trained again when anything did. */
class TrainedModelCacheTests {

  private static final TrainingSettings SETTINGS = TrainingSettings.defaults().with("calibrationFolds", "0");

  @TempDir
  Path dir;

  @Test
  void theSecondStartLoadsWhatTheFirstTrained() {
    TrainedModelCache cache = new TrainedModelCache(dir);

    var first = cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS);
    var second = cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS);

    assertThat(first.loaded()).isFalse();
    assertThat(first.problem()).isNull();
    assertThat(Files.isRegularFile(first.file())).isTrue();
    assertThat(second.loaded()).isTrue();
    assertThat(second.file()).isEqualTo(first.file());
    for (String message : List.of("when is my bin collected", "pay council tax", "hello there")) {
      assertThat(second.model().classify(message)).isEqualTo(first.model().classify(message));
    }
  }

  @Test
  void anyChangeToTheExamplesOrSettingsTrainsAgain() {
    TrainedModelCache cache = new TrainedModelCache(dir);
    cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS);
    List<LabeledText> oneMore = new ArrayList<>(TinyTrainingSet.examples());
    oneMore.add(new LabeledText("my bins were missed again", oneMore.get(0).intent()));

    assertThat(cache.trainOrLoad("intent", oneMore, SETTINGS).loaded()).isFalse();
    assertThat(cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS.with("iterations", "3")).loaded())
        .isFalse();
    assertThat(cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS).loaded()).isTrue();
  }

  @Test
  void anUnreadableFileIsTrainedAgainAndReplaced() throws IOException {
    TrainedModelCache cache = new TrainedModelCache(dir);
    Path file = cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS).file();
    Files.writeString(file, "not a model");

    var again = cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS);

    assertThat(again.loaded()).isFalse();
    assertThat(again.problem()).contains("could not read");
    assertThat(cache.trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS).loaded()).isTrue();
  }

  @Test
  void aFolderThatCannotBeWrittenOnlyCostsTraining() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("a-file"), "x");

    var outcome = new TrainedModelCache(notAFolder).trainOrLoad("intent", TinyTrainingSet.examples(), SETTINGS);

    assertThat(outcome.loaded()).isFalse();
    assertThat(outcome.problem()).contains("could not keep the model");
    assertThat(outcome.model().classify("pay council tax").best().intent()).isNotBlank();
  }
}
