package org.townhall.bot.conversation;

import java.time.Duration;
import org.springframework.stereotype.Component;
import org.townhall.bot.store.RetentionProperties;

/**
 * What residents are told before they leave an email address or phone number: what it is used for
 * and how long it is kept, with the retention period as configured, so the sentence never promises
 * what the store does not do.
 */
@Component
class ContactConsent {

  private final Phrases phrases;
  private final Duration kept;

  ContactConsent(Phrases phrases, RetentionProperties retention) {
    this.phrases = phrases;
    this.kept = retention.conversations();
  }

  /** The sentence residents read before they leave their details. */
  String sentence() {
    return phrases.get("call-back.consent", keptFor());
  }

  /** The retention period in words: "90 days", "12 hours", "1 day". */
  String keptFor() {
    return words(kept);
  }

  static String words(Duration duration) {
    if (duration.toDays() >= 1) {
      return plural(duration.toDays(), "day");
    }
    if (duration.toHours() >= 1) {
      return plural(duration.toHours(), "hour");
    }
    return plural(Math.max(1, duration.toMinutes()), "minute");
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
