package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.townhall.bot.conversation.ConversationEvent.*;
import static org.townhall.bot.conversation.ConversationState.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.townhall.bot.collection.CollectionLookup;
import org.townhall.bot.collection.Postcode;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.nlu.Understanding;
import org.townhall.bot.safeguarding.Disclosure;
import org.townhall.bot.support.TownhallTest;

/** Every (state, event) pair of the conversation machine, and random walks through it. */
@TownhallTest
class ConversationMachineTests {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  private static final Map<ConversationEvent, ConversationState> WITH_BOT = with(Map.of(UNDERSTOOD, BOT, UNSURE, CLARIFYING,
      NOT_UNDERSTOOD, BOT, ASKED_FOR_PERSON, AWAITING_AGENT, URGENT, AWAITING_AGENT, SOMETHING_ELSE, BOT,
      RESTARTED, BOT, STOPPED, ConversationState.CLOSED, ConversationEvent.CLOSED, ConversationState.CLOSED,
      TIMED_OUT, ConversationState.CLOSED), Map.of(BOT_PAUSED, AWAITING_AGENT, DISCLOSED, AWAITING_AGENT,
      AGENT_TOOK_OVER, WITH_AGENT));

  /**
   * The allowed transitions, with the guards as these turns set them up (a topic without details
   * to collect, a first miss, a postcode outside the area); every pair not listed must be refused.
   */
  private static final Map<ConversationState, Map<ConversationEvent, ConversationState>> ALLOWED =
      new EnumMap<>(Map.of(
          BOT, with(WITH_BOT, Map.of(FEEDBACK_GIVEN, BOT)),
          CLARIFYING, with(WITH_BOT, Map.of(CHOICE_PICKED, BOT)),
          COLLECTING, with(WITH_BOT, Map.of(DETAIL_GIVEN, BOT, DETAIL_INVALID, COLLECTING, DETAIL_SKIPPED, BOT,
              RESIDENT_CANCELLED, BOT)),
          AWAITING_AGENT, Map.of(RESIDENT_WROTE, AWAITING_AGENT, RESIDENT_CANCELLED, BOT, AGENT_CLAIMED, WITH_AGENT,
              STOPPED, ConversationState.CLOSED, ConversationEvent.CLOSED, ConversationState.CLOSED,
              AGENT_TRANSFERRED, AWAITING_AGENT, WAIT_EXCEEDED, AWAITING_AGENT, DISCLOSED, AWAITING_AGENT,
              AGENT_ASSIGNED, WITH_AGENT, ConversationEvent.CONTACT_LEFT, AWAITING_AGENT),
          WITH_AGENT, Map.of(RESIDENT_WROTE, WITH_AGENT, AGENT_REPLIED, WITH_AGENT, AGENT_RELEASED, BOT,
              ConversationEvent.CLOSED, ConversationState.CLOSED, AGENT_TRANSFERRED, AWAITING_AGENT, DISCLOSED, WITH_AGENT,
              AGENT_ASSIGNED, WITH_AGENT, ConversationEvent.CONTACT_LEFT, WITH_AGENT),
          ConversationState.CLOSED, Map.of(REOPENED, BOT)));

  private static Map<ConversationEvent, ConversationState> with(Map<ConversationEvent, ConversationState> common,
      Map<ConversationEvent, ConversationState> own) {
    var all = new EnumMap<ConversationEvent, ConversationState>(ConversationEvent.class);
    all.putAll(common);
    all.putAll(own);
    return all;
  }

  @Autowired
  ConversationMachine machine;

  @Autowired
  IntentUnderstanding understanding;

  @Autowired
  SpringConversationMachine springMachine;

  private Turn turn(ConversationRecord record, ConversationEvent event) {
    Understanding understood = understanding.understand("I have nowhere to sleep tonight");
    String intent = switch (event) {
      case UNDERSTOOD, CHOICE_PICKED -> "council_tax_pay";
      case URGENT -> "homelessness";
      default -> null;
    };
    return new Turn(record, NOW, understood, intent, "ann", "a reply from ann")
        .withLookup(new CollectionLookup.OutsideArea(Postcode.find("SW1A 1AA").orElseThrow()))
        .withDisclosure(new Disclosure("homeless_tonight", "Homeless tonight", "housing", true, "Call 0300 000 0000.",
            true), false)
        .withContact(ContactDetails.of("resident@example.org", "07700 900123", null));
  }

  private static ConversationRecord in(ConversationState state) {
    var record = ConversationRecord.start("c", "webchat", "c", null, state, NOW);
    // Collecting always has the topic the detail is for.
    return state == ConversationState.COLLECTING
        ? record.withAttributes(java.util.Map.of(Attributes.PENDING_INTENT, "bin_collection_day")) : record;
  }

  @Test
  void allowsExactlyTheListedTransitions() {
    for (ConversationState from : ConversationState.values()) {
      for (ConversationEvent event : ConversationEvent.values()) {
        Turn turn = turn(in(from), event);
        Optional<ConversationState> to = machine.fire(from, event, turn);
        ConversationState expected = ALLOWED.get(from).get(event);
        assertThat(to).as(from + " on " + event).isEqualTo(Optional.ofNullable(expected));
        if (expected == null) {
          assertThat(turn.replies()).as("a refused event changes nothing: " + from + " on " + event).isEmpty();
        }
      }
    }
  }

  @Test
  void theReadmeDiagramShowsExactlyTheConfiguredTransitions() throws Exception {
    String readme = Files.readString(Path.of("../README.md"));
    SortedSet<String> drawn = new TreeSet<>();
    Matcher line = Pattern.compile("(?m)^ {4}([A-Z_]+) --> ([A-Z_]+) : ([A-Z_]+)").matcher(readme);
    while (line.find()) {
      drawn.add(line.group(1) + " --> " + line.group(2) + " : " + line.group(3));
    }
    assertThat(drawn).as("README's state diagram; expected lines:%n    %s",
        String.join("\n    ", springMachine.transitions())).isEqualTo(springMachine.transitions());
  }

  @Test
  void anUrgentTopicIsQueuedWithPriorityAndSignposted() {
    Turn turn = turn(in(BOT), URGENT);
    assertThat(machine.fire(BOT, URGENT, turn)).contains(AWAITING_AGENT);
    assertThat(turn.ticket().urgent()).isTrue();
    assertThat(turn.ticket().team()).isEqualTo("housing");
    assertThat(turn.replies()).extracting(r -> r.text()).anySatisfy(text -> assertThat(text).contains("999"));
  }

  @Test
  void randomWalksKeepTheInvariants() {
    Random random = new Random(20261123);
    ConversationEvent[] events = ConversationEvent.values();
    for (int walk = 0; walk < 40; walk++) {
      ConversationRecord record = in(BOT);
      for (int step = 0; step < 25; step++) {
        ConversationState from = record.state();
        ConversationEvent event = events[random.nextInt(events.length)];
        Turn turn = turn(record, event);
        Optional<ConversationState> to = machine.fire(from, event, turn);
        if (to.isEmpty()) {
          assertThat(turn.replies()).isEmpty();
          continue;
        }
        if (from.withStaff() && event == RESIDENT_WROTE) {
          assertThat(turn.replies()).as("the silence rule").isEmpty();
        }
        record = turn.after(to.get());
        ConversationState now = to.get();
        assertThat(record.handoff() != null).as("a ticket exactly while with staff").isEqualTo(now.withStaff());
        assertThat(record.owner() != null).as("an owner exactly while with an agent").isEqualTo(now == WITH_AGENT);
      }
    }
  }
}
