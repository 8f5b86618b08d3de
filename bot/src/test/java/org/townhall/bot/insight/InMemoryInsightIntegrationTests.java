package org.townhall.bot.insight;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.townhall.bot.support.TownhallTest;

/** The figures on the embedded default: the in-memory store. */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK,
    properties = {TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, "townhall.conversation.idle-sweep=1h"})
@Import(InsightContract.MovableTime.class)
class InMemoryInsightIntegrationTests extends InsightContract {}
