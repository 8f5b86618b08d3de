package org.townhall.bot.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.ConversationUpdated;
import org.townhall.bot.conversation.ResidentNotServed;
import org.townhall.bot.conversation.StepFacts;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.store.Sha256;
import org.townhall.nlp.content.IntentDefinition;

/**
 * Counts conversations as they happen into the day's counters (the council's day), by channel and
 * team: a change's team is the queue it is in, else its topic's team, else none. Never fails the
 * conversation step that published the change: a count that cannot be written is left out.
 */
@Component
class InsightRecorder {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(InsightRecorder.class);

  private final InsightStore store;
  private final AnswerCatalog catalog;
  private final OfficeHours hours;
  private final InsightProperties settings;

  InsightRecorder(InsightStore store, AnswerCatalog catalog, OfficeHours hours, InsightProperties settings) {
    this.store = store;
    this.catalog = catalog;
    this.hours = hours;
    this.settings = settings;
  }

  @EventListener
  void on(ConversationUpdated update) {
    if (!settings.enabled()) {
      return;
    }
    try {
      record(update.facts());
    } catch (RuntimeException e) {
      LOG.warn("Could not count a conversation change for insight ({}); left out", e.getClass().getSimpleName());
    }
  }

  @EventListener
  void on(ResidentNotServed event) {
    if (!settings.enabled()) {
      return;
    }
    String figure = switch (event.why()) {
      case NOT_UNDERSTOOD -> Figures.NOT_UNDERSTOOD;
      case CLARIFIED -> Figures.CLARIFIED;
      default -> null;
    };
    if (figure == null) {
      return;
    }
    try {
      store.add(day(event.at()), new Tally(event.channel(), null).add(figure, null).counts());
    } catch (RuntimeException e) {
      LOG.warn("Could not count a message for insight ({}); left out", e.getClass().getSimpleName());
    }
  }

  private void record(StepFacts facts) {
    String team = facts.team() != null ? facts.team() : teamOf(facts.topic());
    Tally tally = new Tally(facts.channel(), team);
    if (facts.started()) {
      tally.add(Figures.CONTACTS, null);
    }
    tally.add(Figures.MESSAGES, null, facts.residentMessages());
    if (facts.handedOff() != null) {
      tally.add(Figures.HANDOFF, facts.handedOff());
      if (facts.outOfHours()) {
        tally.add(Figures.OUT_OF_HOURS, facts.handedOff());
      }
    }
    if (facts.queueWaitSeconds() != null) {
      tally.add(Figures.QUEUE_WAIT, bucket(facts.queueWaitSeconds()));
    }
    if (facts.firstResponseSeconds() != null) {
      tally.add(Figures.FIRST_RESPONSE, bucket(facts.firstResponseSeconds()));
    }
    if (facts.takenBy() != null) {
      tally.add(Figures.TAKEN_BY, facts.takenBy());
    }
    if (facts.abandoned()) {
      tally.add(Figures.ABANDONED, null);
    }
    if (facts.closed()) {
      tally.add(Figures.CLOSED, null);
      if (facts.contained()) {
        tally.add(Figures.CONTAINED, null);
      }
      if (facts.wrapUp() != null) {
        tally.add(Figures.WRAP_UP, facts.wrapUp());
      }
      if (facts.handledBy() != null) {
        tally.add(Figures.CLOSED_BY, facts.handledBy());
      }
      if (facts.handlingSeconds() != null) {
        tally.add(Figures.HANDLING, bucket(facts.handlingSeconds()));
      }
    }
    // Topics and feedback count under their topic's own team, whatever queue the conversation is in.
    Map<String, Long> all = new HashMap<>(tally.counts());
    if (facts.topicAsked() != null) {
      Tally topics = new Tally(facts.channel(), teamOf(facts.topicAsked())).add(Figures.TOPIC, facts.topicAsked());
      if (repeated(facts)) {
        topics.add(Figures.REPEAT, facts.topicAsked());
      }
      topics.counts().forEach((name, by) -> all.merge(name, by, Long::sum));
    }
    facts.feedback().forEach((topic, helped) -> new Tally(facts.channel(), teamOf(topic))
        .add(Figures.HELPED, topic + ":" + helped).counts().forEach((name, by) -> all.merge(name, by, Long::sum)));
    // One write per change: with Redis, one round trip (and one more for a topic's repeat mark).
    if (!all.isEmpty()) {
      store.add(day(facts.at()), all);
    }
  }

  /**
   * Whether another contact of the same resident asked about the same topic within the repeat
   * window. The mark names a salted hash of the resident (channel and chat) with the topic, and holds
   * a salted hash of the contact: neither can be read back.
   */
  private boolean repeated(StepFacts facts) {
    if (facts.contactStartedAt() == null || facts.channelUserId() == null) {
      return false;
    }
    String salt = store.salt();
    String mark = Sha256.hex(salt + "|" + facts.channel() + "|" + facts.channelUserId() + "|" + facts.topicAsked());
    String contact = Sha256.hex(salt + "|" + facts.conversationId() + "|" + facts.contactStartedAt());
    return store.markRepeat(mark, contact, settings.repeatWindow());
  }

  private String teamOf(String topic) {
    return topic == null ? null : catalog.intent(topic).map(IntentDefinition::team).orElse(null);
  }

  private LocalDate day(Instant at) {
    return at.atZone(hours.zone()).toLocalDate();
  }

  private static String bucket(long seconds) {
    return Integer.toString(DurationBuckets.of(seconds));
  }
}
