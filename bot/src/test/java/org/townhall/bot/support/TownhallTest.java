package org.townhall.bot.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The whole bot on a random port with the embedded store and a known admin password. Every test
 * class with this annotation shares one application context (and so one trained model).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00", TownhallTest.ROOMY_LIMIT,
        TownhallTest.MANY_STARTS, TownhallTest.MANY_MESSAGES, TownhallTest.MANY_TELEGRAM_MESSAGES,
        TownhallTest.MANY_SIGN_INS_PER_USER, TownhallTest.MANY_SIGN_INS_PER_ADDRESS})
public @interface TownhallTest {

  String ADMIN_PASSWORD = "correct-horse-battery";

  /** Test classes share one context (and the admin); the per-person limit is tested with fresh accounts. */
  /**
   * Tests start many conversations from one address in a minute, send messages as fast as they can and
   * sign in often: the rate limits are roomy here and have tests of their own ({@code limits}).
   */
  String MANY_STARTS = "townhall.limits.conversation-starts.count=100000";

  String MANY_MESSAGES = "townhall.limits.webchat-messages.burst=100000";

  String MANY_TELEGRAM_MESSAGES = "townhall.limits.telegram-messages.burst=100000";

  String MANY_SIGN_INS_PER_USER = "townhall.limits.sign-ins-per-user.count=100000";

  String MANY_SIGN_INS_PER_ADDRESS = "townhall.limits.sign-ins-per-address.count=100000";

  /** All of the above, for instances started by {@link BotInstance}. */
  java.util.List<String> ROOMY_RATES = java.util.List.of(MANY_STARTS, MANY_MESSAGES, MANY_TELEGRAM_MESSAGES,
      MANY_SIGN_INS_PER_USER, MANY_SIGN_INS_PER_ADDRESS);

  String ROOMY_LIMIT = "townhall.console.max-conversations-per-agent=10";

  /** Tests that are not about office hours run with the contact centre always open. */
  String ALWAYS_OPEN_DAYS = "townhall.handoff.open-days=MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY";
}
