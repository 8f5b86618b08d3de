package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.townhall.bot.support.TownhallTest;

/**
 * Seeded random sequences of everything that can happen to conversations — residents' messages of
 * every sort (answers, choices, postcodes, junk, escalation, cancel, restart, stop, redeliveries),
 * staff claims, replies, releases and closes by two agents, idle time-outs — driven through the
 * {@link Conversations} facade. After every step: no message is lost or doubled, the transcript's
 * seqs have no gaps, the state is consistent with the queue and the owner, and the bot never speaks
 * while a person has the conversation.
 */
@SpringBootTest(webEnvironment = WebEnvironment.MOCK,
    properties = {TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00",
        "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        // The test moves time itself; the scheduled sweep must not race it.
        "townhall.conversation.idle-sweep=1h"})
class ConversationsPropertyTests {

  private static final String[] RESIDENT_SAYS = {
      "how do I pay my council tax", "when is my bin collected", "what day are the bins collected", "CF10 1EP",
      "it's cf24 3aa", "SW1A 1AA", "CF10", "can I speak to a person", "human", "Talk to a person", "cancel",
      "back to the bot", "restart", "stop", "yes", "no", "Something else", "Yes, that helped", "council tax",
      "bins", "I have nowhere to sleep tonight", "asdkjh qwe zxcv", "🙂🙂🙂", "   ", "", "x".repeat(1990),
      "Wie spät ist es?", "<img src=x onerror=alert(1)>", "\u0000\u0001binary\uFFFD", "thanks bye",
      "my bin wasn't collected", "report a pothole on my road"};

  private static final String[] AGENTS = {"ann", "bob"};

  @Autowired
  Conversations conversations;

  @Autowired
  ResidentMessages residents;

  @Autowired
  StaffActions staffActions;

  @Autowired
  ConversationSweeps sweeps;

  @Autowired
  MutableClock clock;

  @Autowired
  ConversationProperties settings;

  @Test
  void randomHistoriesLoseNothingAndKeepTheRules() {
    Random random = new Random(20261123L);
    for (int history = 0; history < 12; history++) {
      ConversationRecord started = residents.start("webchat", null, "hash");
      String id = started.id();
      List<String> residentLines = new ArrayList<>();
      Map<String, String> sentById = new HashMap<>();
      for (int step = 0; step < 60; step++) {
        ConversationRecord before = conversations.find(id).orElseThrow();
        ConversationState stateBefore = before.state();
        int roll = random.nextInt(100);
        List<TranscriptEntry> added;
        String what;
        if (roll < 55) {
          String messageId;
          String text;
          if (!sentById.isEmpty() && random.nextInt(10) == 0) {
            // A channel redelivers a message it already delivered.
            messageId = new ArrayList<>(sentById.keySet()).get(random.nextInt(sentById.size()));
            text = sentById.get(messageId);
          } else {
            messageId = "m" + step;
            text = RESIDENT_SAYS[random.nextInt(RESIDENT_SAYS.length)];
          }
          what = "resident says '" + abbreviate(text) + "' as " + messageId;
          boolean redelivery = sentById.containsKey(messageId);
          added = residents.receive(new InboundMessage(id, messageId, text));
          if (redelivery) {
            assertThat(added).as("%s: a redelivery adds nothing", what).isEmpty();
          } else {
            sentById.put(messageId, text);
            residentLines.add(text);
            assertThat(added).as(what).isNotEmpty();
            assertThat(added.get(0).from()).isEqualTo(Sender.RESIDENT);
            assertThat(added.get(0).text()).isEqualTo(text);
          }
        } else if (roll < 85) {
          String agent = AGENTS[random.nextInt(AGENTS.length)];
          int action = random.nextInt(4);
          what = agent + " " + List.of("claims", "replies", "releases", "closes").get(action);
          StaffOutcome outcome = switch (action) {
            case 0 -> staffActions.claim(id, agent);
            case 1 -> staffActions.reply(id, agent, "Hello from " + agent);
            case 2 -> staffActions.release(id, agent);
            default -> staffActions.close(id, agent, "resolved");
          };
          assertThat(outcome.result()).as(what).isNotEqualTo(StaffOutcome.Result.NOT_FOUND);
          if (action != 0 && action != 3 && !agent.equals(before.owner())) {
            assertThat(outcome.result()).as("%s without owning it is refused", what)
                .isEqualTo(StaffOutcome.Result.CONFLICT);
          }
          added = List.of();
        } else {
          what = "the idle time passes";
          clock.advance(settings.idleTimeout().plusSeconds(1));
          sweeps.timeOutIfIdle(id);
          added = List.of();
        }

        ConversationRecord after = conversations.find(id).orElseThrow();
        ConversationState state = after.state();
        List<TranscriptEntry> transcript = conversations.transcript(id, 0);
        String context = "history " + history + ", step " + step + " (" + what + ") from " + stateBefore;

        for (int i = 0; i < transcript.size(); i++) {
          assertThat(transcript.get(i).seq()).as("%s: seqs without gaps", context).isEqualTo(i + 1);
        }
        assertThat(after.lastSeq()).as(context).isEqualTo(transcript.size());
        assertThat(transcript.stream().filter(e -> e.from() == Sender.RESIDENT).map(TranscriptEntry::text))
            .as("%s: every resident message exactly once, in order", context)
            .containsExactlyElementsOf(residentLines);
        assertThat(after.handoff() != null).as("%s: a ticket exactly while with staff", context)
            .isEqualTo(state.withStaff());
        assertThat(after.owner() != null).as("%s: an owner exactly while with an agent", context)
            .isEqualTo(state == ConversationState.WITH_AGENT);
        if (stateBefore.withStaff() && state.withStaff() && !raisedAConcern(before, after)) {
          assertThat(added).as("%s: the bot is silent while a person has the conversation", context)
              .noneMatch(e -> e.from() == Sender.BOT);
        }
        assertThat(after.idleDeadline() != null).as("%s: only conversations with the bot time out", context)
            .isEqualTo(state.withBot());
      }
    }
  }

  @Test
  void aMessageAfterAnIdleCloseStartsAfreshAndStaffStillSeeTheHistory() {
    String id = residents.start("webchat", null, "hash").id();
    residents.receive(new InboundMessage(id, "1", "when is my bin collected"));
    residents.receive(new InboundMessage(id, "2", "CF10 1EP"));
    assertThat(conversations.find(id).orElseThrow().attributes()).containsKey(Attributes.SLOT_PREFIX + "postcode");

    clock.advance(settings.idleTimeout().minusSeconds(1));
    sweeps.timeOutIfIdle(id);
    assertThat(conversations.find(id).orElseThrow().state()).as("not idle long enough yet").isEqualTo(ConversationState.BOT);
    clock.advance(Duration.ofSeconds(2));
    sweeps.timeOutIfIdle(id);
    ConversationRecord closed = conversations.find(id).orElseThrow();
    assertThat(closed.state()).isEqualTo(ConversationState.CLOSED);
    assertThat(closed.idleDeadline()).isNull();

    List<TranscriptEntry> fresh = residents.receive(new InboundMessage(id, "3", "when is my bin collected"));
    assertThat(fresh).extracting(TranscriptEntry::text).anySatisfy(t -> assertThat(t).contains("postcode"));
    ConversationRecord reopened = conversations.find(id).orElseThrow();
    assertThat(reopened.state()).isEqualTo(ConversationState.COLLECTING);
    assertThat(reopened.attributes()).as("the postcode was forgotten").doesNotContainKey(Attributes.SLOT_PREFIX + "postcode");
    assertThat(conversations.transcript(id, 0)).extracting(TranscriptEntry::text)
        .as("staff still see the whole history")
        .contains("when is my bin collected", "CF10 1EP")
        .anySatisfy(t -> assertThat(t).contains("no activity"));
  }

  /** The one exception to the silence rule: a disclosure of danger, whose help reaches the resident. */
  private static boolean raisedAConcern(ConversationRecord before, ConversationRecord after) {
    return !after.attributes().getOrDefault(Attributes.SAFEGUARDING_RAISES, "0")
        .equals(before.attributes().getOrDefault(Attributes.SAFEGUARDING_RAISES, "0"));
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  @TestConfiguration
  static class MovableTime {
    @Bean
    @Primary
    MutableClock movableClock() {
      return new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    }
  }
}
