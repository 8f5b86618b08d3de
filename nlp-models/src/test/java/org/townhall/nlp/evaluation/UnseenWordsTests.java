package org.townhall.nlp.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.townhall.nlp.classify.Classification;
import org.townhall.nlp.classify.IntentModel;
import org.townhall.nlp.classify.IntentTrainer;
import org.townhall.nlp.classify.Thresholds;
import org.townhall.nlp.classify.TrainingSettings;
import org.townhall.nlp.classify.Verdict;
import org.townhall.nlp.content.ContentPack;
import org.townhall.nlp.content.ContentPackReader;

/**
 * Messages whose telling word the built-in pack's phrases did not use when the test was written
 * ("hammers", "dustbin", "zebra"), answered by the built-in model. A regression guard for the
 * features that carry meaning beyond exact words: character n-grams and word vectors. The second
 * round of phrases (docs/nlu.md) added "hammering at midnight" (noise_complaint), so that one now
 * also leans on a phrase; "dustbin" and "zebra" are still in no phrase. Known cases written up in
 * docs/nlu.md and kept out of this list, because they sit near a threshold and move with small
 * changes to the pack: "the gutter outside is overflowing" (flooding_drains or housing_repair:
 * the gutter of a road or of a house), "woodworm in the floorboards" and "the dustcart didn't
 * stop at ours" (the right intent first, but too unsure to answer).
 */
class UnseenWordsTests {

  private static IntentModel model;
  private static Thresholds thresholds;

  @BeforeAll
  static void train() {
    ContentPack pack = ContentPackReader.builtIn();
    model = IntentTrainer.train(pack.trainingExamples(), TrainingSettings.defaults());
    thresholds = pack.thresholds();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      my neighbour hammers at midnight         | noise_complaint
      our dustbin was skipped                  | missed_bin
      the zebra crossing lights are out        | streetlight_fault
      """)
  void answersDespiteAWordNoPhraseUses(String message, String intent) {
    Classification result = model.classify(message);

    assertThat(result.best().intent()).isEqualTo(intent);
    assertThat(thresholds.decide(result)).isEqualTo(Verdict.ANSWER);
  }
}
