package org.townhall.bot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.InboundMessage;
import org.townhall.bot.conversation.ResidentMessages;
import org.townhall.bot.conversation.ResidentNotServed;
import org.townhall.bot.conversation.StaffActions;
import org.townhall.bot.insight.InsightReport.Count;
import org.townhall.bot.insight.InsightReport.Times;
import org.townhall.bot.insight.InsightReport.Topic;
import org.townhall.bot.store.BotPause;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.support.MutableClock;

/**
 * The figures of a scripted set of conversations, driven through the conversation feature as the
 * channels and the console drive it, on a clock the test moves: every figure is known beforehand.
 * Each store's subclass runs it on its own context.
 */
abstract class InsightContract {

  static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
  static final LocalDate DAY_ONE = LocalDate.parse("2026-11-23");
  static final LocalDate DAY_TWO = DAY_ONE.plusDays(1);

  @Autowired
  ResidentMessages residents;

  @Autowired
  StaffActions staff;

  @Autowired
  StaffStore staffStore;

  @Autowired
  MutableClock clock;

  @Autowired
  Insight insight;

  @Autowired
  ApplicationEventPublisher events;

  private int messages;

  @Test
  void aScriptedDayAndTheNextGiveTheirKnownFigures() {
    clock.set(MONDAY);
    // A: answered, "Yes, it helped", stops: contained.
    String a = started();
    say(a, "how do I pay my council tax");
    say(a, "yes");
    say(a, "stop");
    // B: answered, "No", asks for a person: escalated as "not helped", to the council tax team. Waits 120 s,
    // ann answers 30 s later, closes 600 s after that.
    String b = started();
    say(b, "how do I pay my council tax");
    say(b, "no");
    say(b, "speak to a person");
    clock.advance(Duration.ofSeconds(120));
    staff.claim(b, "ann");
    clock.advance(Duration.ofSeconds(30));
    staff.reply(b, "ann", "Hello, I can help with that.");
    clock.advance(Duration.ofSeconds(600));
    staff.close(b, "ann", "resolved");
    // C: not understood twice: to the general team; goes back to the bot before anyone came, then stops.
    String c = started();
    say(c, "zxqv plorf wibble");
    say(c, "blorp snazzle frumious");
    say(c, "back to the bot");
    say(c, "stop");
    // D: asks for a person at once; bob takes it after 10 s and closes it 20 s later without replying.
    String d = started();
    say(d, "speak to a person");
    clock.advance(Duration.ofSeconds(10));
    staff.claim(d, "bob");
    clock.advance(Duration.ofSeconds(20));
    staff.close(d, "bob", "signposted");
    // E: a safeguarding disclosure: urgent, to housing; still waiting.
    String e = started();
    say(e, "i have nowhere to sleep tonight");
    // A again, the same topic within 7 days: a repeat contact.
    say(a, "how do I pay my council tax");
    // F: while the bot is paused (the kill switch).
    staffStore.pauseBot(new BotPause("testing", "admin", clock.instant()));
    String f = started();
    say(f, "how do I pay my council tax");
    staffStore.resumeBot();
    // A clarification, published as the conversation feature publishes one.
    events.publishEvent(new ResidentNotServed(f, 2, "webchat", ResidentNotServed.Why.CLARIFIED, "words",
        List.of(), null, clock.instant()));

    // Day two: two residents ask about potholes (on Telegram, one chat each).
    clock.advance(Duration.ofDays(1));
    for (String chat : List.of("111", "222")) {
      ConversationRecord pothole = residents.forResident("telegram", chat).conversation();
      say(pothole.id(), "report a pothole");
    }

    InsightReport one = insight.report(DAY_ONE, DAY_ONE, null, null);
    InsightReport.Totals t = one.totals();
    assertThat(t.contacts()).as("A twice, B, C, D, E, F").isEqualTo(7);
    assertThat(t.residentMessages()).isEqualTo(3 + 3 + 4 + 1 + 1 + 1 + 1);
    assertThat(t.closed()).as("A, B, C, D").isEqualTo(4);
    assertThat(t.contained()).as("A only").isEqualTo(1);
    assertThat(t.containmentRate()).isEqualTo(0.25);
    assertThat(t.handedOff()).isEqualTo(5);
    assertThat(t.notUnderstood()).as("C's two messages").isEqualTo(2);
    assertThat(t.clarified()).isEqualTo(1);
    assertThat(t.abandoned()).as("C").isEqualTo(1);
    assertThat(t.repeatContacts()).as("A's second contact").isEqualTo(1);
    assertThat(counts(one.escalations())).containsExactlyInAnyOrderEntriesOf(Map.of("not_helped", 1L,
        "not_understood", 1L, "asked_for_person", 1L, "safeguarding", 1L, "bot_paused", 1L));
    assertThat(one.helped()).extracting(h -> h.topic() + " " + h.yes() + "/" + h.no())
        .containsExactly("council_tax_pay 1/1");
    Map<String, Times> times = one.times().stream().collect(Collectors.toMap(Times::measure, x -> x));
    assertThat(times.get("queue_wait").count()).isEqualTo(2);
    assertThat(times.get("queue_wait").medianSeconds()).as("10 s and 120 s: the median in the 10 s bucket")
        .isEqualTo(10);
    assertThat(times.get("queue_wait").p90Seconds()).isEqualTo(120);
    assertThat(times.get("first_response").count()).isEqualTo(1);
    assertThat(times.get("first_response").medianSeconds()).as("150 s, in the bucket up to 180 s").isEqualTo(180);
    assertThat(times.get("handling").count()).isEqualTo(2);
    assertThat(times.get("handling").medianSeconds()).as("20 s and 630 s").isEqualTo(20);
    assertThat(times.get("handling").p90Seconds()).as("630 s, in the bucket up to 900 s").isEqualTo(900);
    assertThat(counts(one.wrapUps())).containsExactlyInAnyOrderEntriesOf(Map.of("resolved", 1L, "signposted", 1L));
    assertThat(one.staff()).extracting(s -> s.username() + " " + s.taken() + "/" + s.closed())
        .containsExactly("ann 1/1", "bob 1/1");
    assertThat(one.teams()).extracting(x -> x.team() + " " + x.handedOff())
        .contains("council-tax 2", "customer-services 2", "housing 1");
    assertThat(one.topics()).extracting(x -> x.topic() + " " + x.count() + " repeats " + x.repeats())
        .containsExactly("council_tax_pay 3 repeats 1");

    InsightReport two = insight.report(DAY_TWO, DAY_TWO, null, null);
    assertThat(two.previousFrom()).isEqualTo(DAY_ONE);
    assertThat(two.totals().contacts()).isEqualTo(2);
    assertThat(two.totals().repeatContacts()).as("different chats").isZero();
    assertThat(two.trending()).extracting(Topic::topic, Topic::count, Topic::previous)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("report_pothole", 2L, 0L));
    assertThat(two.topics()).extracting(Topic::topic).containsExactly("report_pothole");

    // Filters: a channel, a team, and both days together.
    assertThat(insight.report(DAY_ONE, DAY_TWO, "telegram", null).totals().contacts()).isEqualTo(2);
    assertThat(insight.report(DAY_ONE, DAY_TWO, "webchat", null).totals().contacts()).isEqualTo(7);
    InsightReport councilTax = insight.report(DAY_ONE, DAY_TWO, null, "council-tax");
    assertThat(councilTax.totals().handedOff()).isEqualTo(2);
    assertThat(counts(councilTax.escalations())).containsOnlyKeys("not_helped", "bot_paused");
    assertThat(councilTax.staff()).extracting(s -> s.username()).containsExactly("ann");
    assertThat(insight.report(DAY_ONE, DAY_TWO, null, "highways").totals().contacts()).isEqualTo(2);
    assertThat(insight.report(DAY_ONE.minusDays(30), DAY_ONE.minusDays(1), null, null).totals().contacts()).isZero();

    String csv = InsightCsv.csv(one, "escalations");
    assertThat(csv).startsWith("reason,label,count\r\n").contains("bot_paused,Bot paused (kill switch),1\r\n");
    whatTheStoreHolds();
  }

  /** What the store itself holds after the script, for a store whose keys a test can see. */
  void whatTheStoreHolds() {}

  private String started() {
    return residents.start("webchat", null, "hash").id();
  }

  private void say(String id, String text) {
    residents.receive(new InboundMessage(id, "m" + (++messages), text));
  }

  private static Map<String, Long> counts(List<Count> counts) {
    return counts.stream().collect(Collectors.toMap(Count::key, Count::count));
  }

  @TestConfiguration
  static class MovableTime {
    @Bean
    @Primary
    MutableClock movableClock() {
      return new MutableClock(MONDAY);
    }
  }
}
