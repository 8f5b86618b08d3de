package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shipped pack passes the schema check and meets the content rules of docs/content-pack.md. */
class BuiltInPackContentTests {

  static final ContentPack PACK = ContentPackReader.builtIn();

  @Test
  void everyIntentHasAtLeastThirtyPhrases() {
    assertThat(PACK.intents()).allSatisfy(intent ->
        assertThat(intent.phrases()).as(intent.id()).hasSizeGreaterThanOrEqualTo(30));
  }

  @Test
  void everyIntentHasAnAnswerAndATitle() {
    assertThat(PACK.intents()).allSatisfy(intent -> {
      assertThat(intent.title()).as(intent.id()).isNotBlank();
      assertThat(intent.answer().text()).as(intent.id()).isNotBlank();
    });
  }

  @Test
  void theBuiltInPackTeachesWhatIsOutOfScope() {
    assertThat(PACK.outOfScope()).hasSizeGreaterThanOrEqualTo(100);
  }

  @Test
  void theDefaultThresholdsLeaveRoomToClarify() {
    assertThat(PACK.thresholds().clarify()).isLessThan(PACK.thresholds().answer());
  }
}
