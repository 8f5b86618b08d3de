package org.townhall.nlp.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTests {

  @Test
  void lowerCasesAndDropsPunctuation() {
    assertThat(TextNormalizer.normalize("When is MY bin day?!")).isEqualTo("when is my bin day");
  }

  @Test
  void expandsContractionsWithOrWithoutTheApostrophe() {
    assertThat(TextNormalizer.normalize("I can't pay, I don't know what's due"))
        .isEqualTo("i can not pay i do not know what is due");
    assertThat(TextNormalizer.normalize("i cant pay and dont know whats due"))
        .isEqualTo("i can not pay and do not know what is due");
    assertThat(TextNormalizer.normalize("I’ve moved and we’re renting"))
        .isEqualTo("i have moved and we are renting");
    assertThat(TextNormalizer.normalize("it's the council's bin")).isEqualTo("it is the council bin");
  }

  @Test
  void expandsChatShorthand() {
    assertThat(TextNormalizer.normalize("thx, can u change my appt pls"))
        .isEqualTo("thanks can you change my appointment please");
    assertThat(TextNormalizer.normalize("Ty")).isEqualTo("thank you");
  }

  @Test
  void replacesNumbersOrdinalsAndCurrencies() {
    assertThat(TextNormalizer.tokens("I owe £1,250.50 since the 3rd of May 2024"))
        .containsExactly("i", "owe", TextNormalizer.CURRENCY, TextNormalizer.NUMBER, "since",
            "the", TextNormalizer.ORDINAL, "of", "may", TextNormalizer.NUMBER);
  }

  @Test
  void replacesUkPostcodesWithOrWithoutTheSpace() {
    assertThat(TextNormalizer.normalize("bin day for SW1A 1AA please"))
        .isEqualTo("bin day for _postcode_ please");
    assertThat(TextNormalizer.normalize("ls14dy")).isEqualTo("_postcode_");
    assertThat(TextNormalizer.normalize("my postcode is M1 1AE.")).isEqualTo("my postcode is _postcode_");
  }

  @Test
  void foldsCompatibilityCharacters() {
    assertThat(TextNormalizer.normalize("ｂｉｎ ｄａｙ")).isEqualTo("bin day");
  }

  @Test
  void keepsLettersOfOtherScripts() {
    assertThat(TextNormalizer.tokens("Когда вывоз мусора")).containsExactly("когда", "вывоз", "мусора");
  }

  @Test
  void givesNoTokensForBlankEmojiOrSymbolText() {
    assertThat(TextNormalizer.tokens("")).isEmpty();
    assertThat(TextNormalizer.tokens(" \t\n")).isEmpty();
    assertThat(TextNormalizer.tokens("\ud83d\ude00\ud83d\udc4d !!! ...")).isEmpty();
    assertThat(TextNormalizer.tokens("''' '")).isEmpty();
  }

  @Test
  void boundsTheWorkForHugeInput() {
    assertThat(TextNormalizer.tokens("bin ".repeat(5_000))).hasSize(TextNormalizer.MAX_TOKENS);
    assertThat(TextNormalizer.tokens("x".repeat(10_000)))
        .singleElement().satisfies(t -> assertThat(t).hasSize(TextNormalizer.MAX_CHARS));
  }
}
