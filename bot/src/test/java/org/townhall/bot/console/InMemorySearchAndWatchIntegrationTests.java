package org.townhall.bot.console;

import org.townhall.bot.support.TownhallTest;

/** Search and watching on the embedded default: the in-memory store. */
@TownhallTest
class InMemorySearchAndWatchIntegrationTests extends SearchAndWatchApiContract {}
