package org.townhall.bot.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.support.TownhallTest;

/**
 * The check with the shipped pack and settings: what residents type all day and the bot's own buttons
 * never raise a concern, and every help text names the council's numbers, never a placeholder.
 */
@TownhallTest
class SafeguardingCheckTests {

  @Autowired
  SafeguardingCheck check;

  @Autowired
  AnswerCatalog catalog;

  @ParameterizedTest
  @ValueSource(strings = {"when is my bin collected", "CF10", "cf24 3aa", "stop", "restart", "human",
      "zxqv plorf wibble", "how do I pay my council tax", "my bin wasn't collected", "report a pothole on my road",
      "🙂🙂🙂", "", "   ", "thanks bye", "?", "not sure", "maybe", "perhaps", "no idea", "Wie spät ist es?", "<img src=x onerror=alert(1)>"})
  void whatResidentsTypeAllDayRaisesNothing(String message) {
    assertThat(check.check(message)).isEmpty();
  }

  @Test
  void theBotsOwnButtonsRaiseNothing() throws IOException {
    List<String> labels = new ArrayList<>();
    Properties messages = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/messages.properties")) {
      messages.load(in);
    }
    messages.stringPropertyNames().stream().filter(k -> k.startsWith("bot.option.") || k.startsWith("bot.welcome.option"))
        .map(messages::getProperty).forEach(labels::add);
    catalog.pack().intents().forEach(i -> labels.addAll(i.answer().options()));
    // Urgent topics' titles ("Worried about a child") may raise one: they go to a person urgently either way.
    catalog.pack().intents().stream().filter(i -> !i.urgent()).forEach(i -> labels.add(i.title()));
    assertThat(labels).hasSizeGreaterThan(20);

    assertThat(labels).allSatisfy(label -> assertThat(check.check(label)).as(label).isEmpty());
  }

  @Test
  void everyHelpNamesTheCouncilsNumbersNotPlaceholders() {
    assertThat(check.categories()).hasSize(14).allSatisfy(d -> {
      assertThat(d.help()).doesNotContain("{", "}");
      assertThat(d.help()).containsPattern("\\d{3}");
    });
    assertThat(check.category("child_at_risk").orElseThrow().help()).contains("0300 000 0001", "0300 000 0009");
  }

  @Test
  void aTriggerWordRaisesTheConcernWhateverTheModelSays() {
    assertThat(check.check("i am going to kill myself tonight")).hasValueSatisfying(d -> {
      assertThat(d.category()).isEqualTo("suicide_self_harm");
      assertThat(d.byWords()).isTrue();
      assertThat(d.handoff()).isTrue();
    });
  }
}
