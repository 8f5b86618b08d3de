package org.townhall.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.safeguarding.SafeguardingDetector;

/**
 * {@code --settings} and {@code --set} change the settings they are given: the safeguarding command
 * once trained every changed run with the intent model's settings (16 epochs, "none" weight 0.3,
 * calibrated), so a one-key experiment was measured against another model altogether.
 */
class TrainingInputTests {

  @TempDir
  Path dir;

  @Test
  void theSafeguardingCommandsSetChangesOnlyTheNamedKeyOfTheSafeguardingSettings() throws Exception {
    TrainingSettings safeguarding = SafeguardingDetector.defaultSettings();
    assertThat(safeguarding).isNotEqualTo(TrainingSettings.defaults());

    TrainingSettings changed = SafeguardingCommand.settings(new Args(new String[] {"--set", "l2Cost=0.001"}, Set.of()));

    assertThat(changed).isEqualTo(safeguarding.with("l2Cost", "0.001"));
    assertThat(changed.outOfScopeWeight()).isEqualTo(safeguarding.outOfScopeWeight());
  }

  @Test
  void aSettingsFileAppliesBeforeEachSet() throws Exception {
    Path file = dir.resolve("s.properties");
    Files.writeString(file, "iterations=5\nl2Cost=0.01\n");

    TrainingSettings changed = TrainingInput.settings(new Args(
        new String[] {"--settings", file.toString(), "--set", "l2Cost=0.002"}, Set.of()),
        SafeguardingDetector.defaultSettings());

    assertThat(changed.iterations()).isEqualTo(5);
    assertThat(changed.l2Cost()).isEqualTo(0.002);
    assertThat(changed.calibrationFolds()).isEqualTo(SafeguardingDetector.defaultSettings().calibrationFolds());
  }

  @Test
  void withoutABaseTheIntentModelsSettingsAreChanged() throws Exception {
    TrainingSettings changed = TrainingInput.settings(new Args(new String[] {"--set", "iterations=3"}, Set.of()));

    assertThat(changed).isEqualTo(TrainingSettings.defaults().with("iterations", "3"));
  }
}
