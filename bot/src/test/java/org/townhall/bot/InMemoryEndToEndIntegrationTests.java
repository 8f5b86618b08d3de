package org.townhall.bot;

import org.townhall.bot.support.TownhallTest;

/** The whole flow on the embedded default: the in-memory store. */
@TownhallTest
class InMemoryEndToEndIntegrationTests extends EndToEndFlowContract {

  @Override
  boolean keptAcrossRestarts() {
    return false;
  }
}
