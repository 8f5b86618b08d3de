package org.townhall.bot;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.townhall.bot.support.TownhallTest;

/** Call-backs and emailed replies on the embedded default: the in-memory store. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00", TownhallTest.ROOMY_LIMIT,
        TownhallTest.MANY_STARTS, TownhallTest.MANY_MESSAGES, TownhallTest.MANY_SIGN_INS_PER_USER,
        TownhallTest.MANY_SIGN_INS_PER_ADDRESS})
class InMemoryCallBackIntegrationTests extends CallBackFlowContract {

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    email(registry);
  }
}
