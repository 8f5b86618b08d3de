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
 * Messages whose telling word the built-in pack's phrases never use ("hammers", "dustbin",
 * "zebra") or use only for another intent ("gutter": housing_repair), answered by the built-in
 * model. A regression guard for the features that carry meaning beyond exact words: character
 * n-grams and word vectors (without vectors the gutter is only clarified). Known misses, kept out of
 * this list and written up in docs/nlu.md: "woodworm in the floorboards" (rejected with word
 * vectors, pest_control without) and "the streetlamp is broken" (only clarified with them).
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
      the gutter outside is overflowing        | flooding_drains
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
