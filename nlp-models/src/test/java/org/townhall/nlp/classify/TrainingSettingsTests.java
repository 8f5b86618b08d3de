package org.townhall.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class TrainingSettingsTests {

  @Test
  void theLanguageTravelsWithTheSettingsAndSettingsFromBeforeItAreEnglish() {
    TrainingSettings english = TrainingSettings.defaults();
    assertThat(english.features().language()).isEqualTo("en");

    TrainingSettings welsh = english.with("language", "cy");
    assertThat(welsh.features().welsh()).isTrue();
    assertThat(TrainingSettings.fromProperties(welsh.toProperties())).isEqualTo(welsh);

    Properties old = english.toProperties();
    old.remove("language");
    assertThat(TrainingSettings.fromProperties(old)).isEqualTo(english);
    assertThatIllegalArgumentException().isThrownBy(() -> english.with("language", "fr"))
        .withMessageContaining("language must be one of");
  }
}
