package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WelshTextTests {

  @ParameterizedTest
  @CsvSource({"dŵr,dwr", "tŷ,ty", "ffôn,ffon", "gwasanaethau,gwasanaethau", "caffî,caffi", "ysgôl,ysgol"})
  void accentsAndCircumflexesGo(String typed, String plain) {
    assertThat(WelshText.withoutAccents(typed)).isEqualTo(plain);
  }

  @Test
  void cliticsAreWrittenOut() {
    assertThat(WelshText.words("mae'r")).containsExactly("mae", "yr");
    assertThat(WelshText.words("dwi'n")).containsExactly("dwi", "yn");
    assertThat(WelshText.words("i'w")).containsExactly("i", "ei");
    assertThat(WelshText.words("o'r")).containsExactly("o", "yr");
    assertThat(WelshText.words("'di")).containsExactly("wedi");
    assertThat(WelshText.words("maer")).as("typed without the apostrophe").containsExactly("mae", "yr");
    assertThat(WelshText.words("moyn")).as("the South's word, the North's isio").containsExactly("eisiau");
    assertThat(WelshText.words("isio")).containsExactly("eisiau");
    assertThat(WelshText.words("biniau")).containsExactly("biniau");
    assertThat(WelshText.words("o'clock'")).as("an apostrophe that is no clitic goes").containsExactly("oclock");
  }

  @Test
  void everyMutationOfAWordSharesItsKey() {
    assertAllShareAKey("biniau", "miniau", "finiau"); // radical, nasal (fy), soft (ei, he)
    assertAllShareAKey("treth", "dreth", "nhreth", "threth"); // radical, soft, nasal, aspirate
    assertAllShareAKey("cyngor", "gyngor", "nghyngor");
    assertAllShareAKey("plant", "blant", "mhlant", "phlant");
    assertAllShareAKey("mam", "fam");
    assertAllShareAKey("llyfrgell", "lyfrgell");
    assertAllShareAKey("rhif", "rif");
    assertAllShareAKey("dydd", "ddydd", "nydd");
    assertAllShareAKey("gardd", "ngardd");
  }

  @Test
  void wordsThatNeverMutateKeepTheirKeyAndDoNotJoinOthers() {
    assertThat(WelshText.mutationKey("ffon")).isEqualTo("ffon");
    assertThat(WelshText.mutationKey("chi")).as("'ch' is far more often a radical").isEqualTo("chi");
    assertThat(WelshText.mutationKey("ysgol")).isEqualTo("ysgol");
    assertThat(WelshText.mutationKey("a")).isEqualTo("a");
    assertThat(WelshText.mutationKey("_postcode_")).isEqualTo("_postcode_");
    assertThat(WelshText.mutationKey("9am")).isEqualTo("9am");
    assertThat(WelshText.mutationKey("biniau")).isNotEqualTo(WelshText.mutationKey("dreth"));
  }

  @Test
  void neverFailsOnOddInput() {
    Stream.of("", "'", "''", "'r", "n", "ŵ", "😀", "\u0000", "ngh", "x".repeat(2000))
        .forEach(token -> {
          assertThat(WelshText.mutationKey(token)).isNotNull();
          assertThat(WelshText.words(token)).isNotNull();
          assertThat(WelshText.withoutAccents(token)).isNotNull();
        });
  }

  @Test
  void welshFeaturesMatchAMutatedAccentFreeFormOfTheSameWords() {
    IntentFeatures welsh = new IntentFeatures(new FeatureSettings(false, 1, 3, 4, true, 0, "cy"));

    List<String> typed = List.of(welsh.extract("Pryd mae'r dreth gyngor yn ddyledus?"));
    List<String> mutated = List.of(welsh.extract("talu fy nhreth cyngor"));
    assertThat(typed).contains("w=mae", "w=yr", "w=dreth", "w=m:dreth", "w=m:gyngor");
    assertThat(mutated).contains("w=nhreth", "w=m:dreth", "w=m:gyngor");
    assertThat(List.of(welsh.extract("dŵr"))).contains("w=dwr").doesNotContain("w=dŵr");
    assertThat(List.of(welsh.extract("im mam"))).as("no English 'I am' in Welsh").contains("w=im")
        .doesNotContain("w=am");

    IntentFeatures english = new IntentFeatures(new FeatureSettings(false, 1, 3, 4, true, 0));
    assertThat(List.of(english.extract("talu fy nhreth cyngor"))).noneMatch(f -> f.startsWith("w=m:"));
  }

  private static void assertAllShareAKey(String... forms) {
    List<String> keys = Stream.of(forms).map(WelshText::mutationKey).distinct().toList();
    assertThat(keys).as("keys of %s", List.of(forms)).hasSize(1);
  }
}
