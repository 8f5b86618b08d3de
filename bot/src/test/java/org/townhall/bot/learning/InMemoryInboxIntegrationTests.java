package org.townhall.bot.learning;

import java.util.List;

/** The editors' inbox on the embedded default: the in-memory store. */
class InMemoryInboxIntegrationTests extends InboxContract {

  @Override
  List<String> storeProperties() {
    return List.of();
  }
}
