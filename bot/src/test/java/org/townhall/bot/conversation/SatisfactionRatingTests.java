package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What counts as a 1–5 answer to the satisfaction question, and what is asked about again. */
class SatisfactionRatingTests {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {"1|1", "5|5", " 3 |3", "4.|4", "4!|4", "4/5|4", "4 / 5|4", "2 out of 5|2",
      "3 OF 5|3"})
  void aNumberFromOneToFiveIsARating(String said, int rating) {
    assertThat(SatisfactionSurvey.rating(said)).isEqualTo(rating);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "6", "10", "45", "-1", "3.5", "great", "five", "😀", "⭐⭐⭐⭐", "4⭐", "", " ",
      "4 stars", "1 or 2", "5/10", "٤"})
  void anythingElseIsNot(String said) {
    assertThat(SatisfactionSurvey.rating(said)).isNull();
  }
}
