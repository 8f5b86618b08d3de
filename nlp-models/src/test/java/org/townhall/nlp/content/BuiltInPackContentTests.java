package org.townhall.nlp.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
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

  /**
   * Every answer names the page it is based on (its own link where it has one) and a date to check it by;
   * the Christmas ones (bin days, opening hours, the tips) are due before Christmas, ahead of the rest.
   */
  @Test
  void everyAnswerHasASourcePageAndAReviewByDate() {
    assertThat(PACK.intents()).allSatisfy(intent -> {
      Review review = intent.answer().review();
      assertThat(review).as(intent.id()).isNotNull();
      assertThat(review.by()).as(intent.id()).isNotNull();
      assertThat(review.source()).as(intent.id()).startsWith("https://www.example.gov.uk/");
      if (intent.answer().link() != null) {
        assertThat(review.source()).as(intent.id()).isEqualTo(intent.answer().link());
      }
    });
    java.time.LocalDate christmas = java.time.LocalDate.of(2026, 12, 25);
    assertThat(PACK.intents()).filteredOn(i -> i.answer().review().by().isBefore(christmas))
        .extracting(IntentDefinition::id)
        .containsExactlyInAnyOrder("bin_collection_day", "contact_opening_hours", "recycling_centre");
  }

  @Test
  void theBuiltInPackTeachesWhatIsOutOfScope() {
    assertThat(PACK.outOfScope()).hasSizeGreaterThanOrEqualTo(100);
  }

  @Test
  void theDefaultThresholdsLeaveRoomToClarify() {
    assertThat(PACK.thresholds().clarify()).isLessThan(PACK.thresholds().answer());
  }

  @Test
  void theBuiltInSignpostsPointToTheRightOrganisation() {
    assertThat(signpost("I can smell gas outside my house")).contains("gas_emergency");
    assertThat(signpost("carbon monoxide alarm going off")).contains("gas_emergency");
    assertThat(signpost("I want to kill myself")).contains("suicide");
    assertThat(signpost("my neighbour's house is on fire")).contains("emergency_999");
    assertThat(signpost("power cut on our street")).contains("power_cut");
    assertThat(signpost("how do I report a crime")).contains("police");
    assertThat(signpost("I need a GP appointment")).contains("nhs");
    assertThat(signpost("we have no water since this morning")).contains("water_supply");
    assertThat(signpost("how do I renew my passport")).contains("passport");
    assertThat(signpost("renew my driving licence")).contains("dvla");
    assertThat(signpost("when is my state pension paid")).contains("dwp");
    assertThat(signpost("I think my tax code is wrong")).contains("hmrc");
  }

  @Test
  void theBuiltInSignpostsLeaveCouncilWordsAlone() {
    assertThat(signpost("my gas bill is too high")).isEmpty();
    assertThat(signpost("how do I pay my council tax")).isEmpty();
    assertThat(signpost("can I get a council tax refund")).isEmpty();
    assertThat(signpost("there's a pothole on my road")).isEmpty();
    assertThat(signpost("my bin wasn't collected")).isEmpty();
    assertThat(signpost("what's the capital of France")).isEmpty();
    assertThat(signpost("I have gastric flu")).isEmpty();
  }

  @Test
  void theLifeSafetySignpostsComeFirst() {
    List<Signpost> all = PACK.signposts().all();
    assertThat(all).extracting(Signpost::id).startsWith("suicide", "gas_emergency", "emergency_999");
    int firstOther = all.indexOf(all.stream().filter(s -> !s.emergency()).findFirst().orElseThrow());
    assertThat(all.subList(firstOther, all.size())).noneMatch(Signpost::emergency);
  }

  private static Optional<String> signpost(String message) {
    return PACK.signposts().find(message).map(Signpost::id);
  }
}
