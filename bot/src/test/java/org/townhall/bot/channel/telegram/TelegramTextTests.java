package org.townhall.bot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TelegramTextTests {

  @Test
  void aShortTextIsOneMessage() {
    assertThat(TelegramText.split("Hello.", 4096)).containsExactly("Hello.");
  }

  @Test
  void prefersLineBreaksThenSentencesThenWords() {
    assertThat(TelegramText.split("First line here.\nSecond line here.", 25))
        .containsExactly("First line here.", "Second line here.");
    assertThat(TelegramText.split("One sentence here. Another one here.", 30))
        .containsExactly("One sentence here.", "Another one here.");
    assertThat(TelegramText.split("averyveryverylongword another", 25))
        .containsExactly("averyveryverylongword", "another");
  }

  @Test
  void neverCutsAnEmojiInHalf() {
    String text = "a".repeat(9) + "🙂" + "b".repeat(5);
    List<String> parts = TelegramText.split(text, 10);
    assertThat(parts.get(0)).isEqualTo("a".repeat(9));
    assertThat(String.join("", parts)).isEqualTo(text);
  }

  @Test
  void everyPartFits() {
    String text = "Words and more words, without any full stop ".repeat(300);
    assertThat(TelegramText.split(text, 4096)).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(4096));
  }
}
