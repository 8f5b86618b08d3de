package org.townhall.bot.console;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.SafeguardingConcerns;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.nlp.content.IntentDefinition;

/** The teams a conversation can go to: every team named in the content pack (safeguarding's too). */
@Component
class CouncilTeams {

  private final AnswerCatalog catalog;
  private final SafeguardingConcerns concerns;

  CouncilTeams(AnswerCatalog catalog, SafeguardingConcerns concerns) {
    this.catalog = catalog;
    this.concerns = concerns;
  }

  List<String> all() {
    return Stream.concat(catalog.pack().intents().stream().map(IntentDefinition::team),
        concerns.categories().stream().map(Disclosure::team)).distinct().sorted().toList();
  }
}
