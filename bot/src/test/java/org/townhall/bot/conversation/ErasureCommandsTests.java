package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What asks for a resident's data to be deleted, and what confirms it: whole messages only. */
class ErasureCommandsTests {

  @ParameterizedTest
  @ValueSource(strings = {"delete my data", "Delete my data!", "DELETE MY DATA please", "please erase all my details",
      "forget me", "/forget", "Can you delete all of my personal information?", "remove my data",
      "wipe my chat history", "I'd like you to delete my conversation", "forget my data", "delete my messages",
      "Delete my data, thanks"})
  void asksToDelete(String text) {
    assertThat(Commands.forgets(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"how do I delete my account on the parking app", "delete", "my data", "forget it",
      "I forgot my password", "can I delete my direct debit", "remove my bin from the list", "data protection",
      "forget my postcode and start again please ok"})
  void doesNotAskToDelete(String text) {
    assertThat(Commands.forgets(text)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Yes", "yes please", "Y", "delete everything", "Yes, delete it"})
  void confirms(String text) {
    assertThat(Commands.confirmsErasure(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"thanks", "thank you", "that helped", "no", "maybe", "yes but first", "ok"})
  void doesNotConfirm(String text) {
    assertThat(Commands.confirmsErasure(text)).isFalse();
  }
}
