package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.townhall.bot.handoff.HandoffTicket;

/** What every {@link ConversationStore} must do; run against each implementation. */
abstract class ConversationStoreContract {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final Duration RETENTION = Duration.ofDays(90);
  static final Duration EMPTY_RETENTION = Duration.ofHours(1);

  /** The store under test: conversations kept {@link #RETENTION}, empty ones {@link #EMPTY_RETENTION}. */
  abstract ConversationStore store();

  /** Lets {@code duration} pass for the store: whatever is due to be deleted by then is deleted. */
  abstract void letTimePass(Duration duration);

  static ConversationRecord fresh(String id) {
    return ConversationRecord.start(id, "webchat", id, "hash", ConversationState.BOT, T0);
  }

  static TranscriptEntry line(Sender from, String text) {
    return TranscriptEntry.draft(from, text, List.of(), T0);
  }

  @Test
  void erasingAConversationLeavesNothingOfItToFindAndSparesOthers() {
    String id = java.util.UUID.randomUUID().toString();
    String other = java.util.UUID.randomUUID().toString();
    ConversationRecord telegram = ConversationRecord.start(id, "telegram", "4242", null, ConversationState.BOT, T0);
    CommitResult created = store().commit(telegram, 0, List.of(line(Sender.RESIDENT, "my bin was missed"))).orElseThrow();
    ConversationRecord waiting = created.record().withIdleDeadline(T0.plus(Duration.ofMinutes(5)))
        .withCallBack(CallBackRequest.left(ConversationReferences.of(id), ContactDetails.of(null, "07700 900123", "pm"),
            T0, null, null));
    store().commit(waiting, 1, List.of(line(Sender.BOT, "we will call"))).orElseThrow();
    store().commit(ConversationRecord.start(other, "telegram", "4242", null, ConversationState.BOT, T0.plusSeconds(1)),
        0, List.of(line(Sender.RESIDENT, "another question"))).orElseThrow();
    store().markDelivered("msg:" + id + ":m:17", Duration.ofDays(1));
    store().markResidentSeen(id, Duration.ofMinutes(5));
    assertThat(store().callBacks(10)).extracting(ConversationRecord::id).contains(id);

    assertThat(store().erase(store().find(id).orElseThrow())).isEqualTo(2);

    assertThat(store().find(id)).isEmpty();
    assertThat(store().transcript(id, 0)).isEmpty();
    assertThat(store().conversationsOf("telegram", "4242", 10)).containsExactly(other);
    assertThat(store().callBacks(10)).extracting(ConversationRecord::id).doesNotContain(id);
    assertThat(store().idleSince(T0.plus(Duration.ofDays(1)), 10)).doesNotContain(id);
    assertThat(store().withBot(100)).doesNotContain(id);
    assertThat(store().wasDelivered("msg:" + id + ":m:17")).isFalse();
    assertThat(store().residentSeen(id)).isFalse();
    assertThat(store().find(other)).isPresent();
    assertThat(store().transcript(other, 0)).extracting(TranscriptEntry::text).containsExactly("another question");
    // Erasing again finds nothing.
    assertThat(store().erase(waiting)).isEqualTo(-1);
  }

  @Test
  void createsAConversationOnlyOnce() {
    assertThat(store().commit(fresh("c1"), 0, List.of())).isPresent();
    assertThat(store().commit(fresh("c1"), 0, List.of())).isEmpty();
    assertThat(store().find("c1")).get().extracting(ConversationRecord::version).isEqualTo(1L);
  }

  @Test
  void unknownConversationsAreEmpty() {
    assertThat(store().find("nope")).isEmpty();
    assertThat(store().transcript("nope", 0)).isEmpty();
  }

  @Test
  void appendsTranscriptLinesWithConsecutiveSeqs() {
    CommitResult first = store().commit(fresh("c2"), 0, List.of(line(Sender.BOT, "hello"))).orElseThrow();
    CommitResult second = store().commit(first.record().withState(ConversationState.AWAITING_AGENT), 1,
        List.of(line(Sender.RESIDENT, "a person please"), line(Sender.BOT, "passing you on"))).orElseThrow();

    assertThat(second.appended()).extracting(TranscriptEntry::seq).containsExactly(2L, 3L);
    assertThat(second.record().lastSeq()).isEqualTo(3);
    assertThat(second.record().version()).isEqualTo(2);
    assertThat(store().transcript("c2", 0)).extracting(TranscriptEntry::text)
        .containsExactly("hello", "a person please", "passing you on");
    assertThat(store().transcript("c2", 2)).extracting(TranscriptEntry::seq).containsExactly(3L);
    assertThat(store().transcript("c2", 3)).isEmpty();
    assertThat(store().find("c2")).get().extracting(ConversationRecord::state).isEqualTo(ConversationState.AWAITING_AGENT);
  }

  @Test
  void aStaleVersionChangesNothing() {
    CommitResult created = store().commit(fresh("c3"), 0, List.of()).orElseThrow();
    assertThat(store().commit(created.record().withOwner("ann"), 1, List.of(line(Sender.SYSTEM, "ann joined")))).isPresent();

    assertThat(store().commit(created.record().withOwner("bob"), 1, List.of(line(Sender.SYSTEM, "bob joined")))).isEmpty();

    assertThat(store().find("c3")).get().extracting(ConversationRecord::owner).isEqualTo("ann");
    assertThat(store().transcript("c3", 0)).extracting(TranscriptEntry::text).containsExactly("ann joined");
  }

  @Test
  void keepsEveryFieldThroughARoundTrip() {
    var ticket = new HandoffTicket(true, "housing", "homelessness", "urgent", T0);
    var record = fresh("c4").withOwner("ann").withHandoff(ticket).withAttributes(Map.of("lastIntent", "homelessness"));
    var entry = line(Sender.RESIDENT, "I have nowhere to sleep tonight ✓ <b>")
        .withGuesses(List.of(new Guess("homelessness", 0.93), new Guess("housing_register", 0.04)));
    store().commit(record, 0, List.of(entry, line(Sender.AGENT, "hi").withAuthor("ann")));

    ConversationRecord found = store().find("c4").orElseThrow();
    assertThat(found.handoff()).isEqualTo(ticket);
    assertThat(found.attributes()).containsEntry("lastIntent", "homelessness");
    assertThat(found.owner()).isEqualTo("ann");
    assertThat(store().transcript("c4", 0))
        .containsExactly(entry.withSeq(1), line(Sender.AGENT, "hi").withAuthor("ann").withSeq(2));
  }

  @Test
  void queuesUrgentFirstThenLongestWaitingAndDropsReleasedTickets() {
    store().commit(fresh("late").withHandoff(new HandoffTicket(false, "waste", null, "x", T0.plusSeconds(60))), 0,
        List.of());
    store().commit(fresh("early").withHandoff(new HandoffTicket(false, "waste", null, "x", T0)), 0, List.of());
    store().commit(fresh("urgent").withHandoff(new HandoffTicket(true, "housing", null, "x", T0.plusSeconds(120))), 0,
        List.of());
    store().commit(fresh("bot-only"), 0, List.of());

    assertThat(store().handoffQueue()).extracting(ConversationRecord::id).containsExactly("urgent", "early", "late");

    ConversationRecord early = store().find("early").orElseThrow();
    store().commit(early.withHandoff(null), early.version(), List.of());
    assertThat(store().handoffQueue()).extracting(ConversationRecord::id).containsExactly("urgent", "late");
  }

  @Test
  void findsConversationsPastTheirIdleDeadline() {
    store().commit(fresh("i1").withIdleDeadline(T0.plusSeconds(60)), 0, List.of());
    store().commit(fresh("i2").withIdleDeadline(T0.plusSeconds(30)), 0, List.of());
    store().commit(fresh("i3").withIdleDeadline(T0.plusSeconds(600)), 0, List.of());
    store().commit(fresh("i4"), 0, List.of());

    assertThat(store().idleSince(T0.plusSeconds(120), 10)).containsExactly("i2", "i1");
    assertThat(store().idleSince(T0.plusSeconds(120), 1)).containsExactly("i2");

    ConversationRecord i2 = store().find("i2").orElseThrow();
    store().commit(i2.withIdleDeadline(null), i2.version(), List.of());
    assertThat(store().idleSince(T0.plusSeconds(120), 10)).containsExactly("i1");
  }

  @Test
  void listsConversationsWithTheBotTheLatestActiveFirst() {
    store().commit(fresh("b1").withIdleDeadline(T0.plusSeconds(60)), 0, List.of());
    store().commit(fresh("b2").withIdleDeadline(T0.plusSeconds(600)), 0, List.of());
    store().commit(fresh("b3").withIdleDeadline(T0.plusSeconds(300)), 0, List.of());
    store().commit(fresh("staff").withState(ConversationState.AWAITING_AGENT), 0, List.of());

    assertThat(store().withBot(10)).containsExactly("b2", "b3", "b1");
    assertThat(store().withBot(2)).containsExactly("b2", "b3");
  }

  @Test
  void findsSeveralConversationsAtOnceInTheOrderAskedLeavingOutUnknownOnes() {
    store().commit(fresh("f1"), 0, List.of());
    store().commit(fresh("f2").withOwner("ann"), 0, List.of());

    assertThat(store().findAll(List.of("f2", "nope", "f1"))).extracting(ConversationRecord::id)
        .containsExactly("f2", "f1");
    assertThat(store().findAll(List.of("f2")).get(0).owner()).isEqualTo("ann");
    assertThat(store().findAll(List.of())).isEmpty();
  }

  @Test
  void listsAResidentsConversationsOnAChannelNewestFirst() {
    for (int i = 0; i < 3; i++) {
      ConversationRecord record = ConversationRecord.start("r" + i, "telegram", "chat-42", null, ConversationState.BOT,
          T0.plusSeconds(i));
      CommitResult created = store().commit(record, 0, List.of()).orElseThrow();
      store().commit(created.record().withState(ConversationState.CLOSED), 1, List.of(line(Sender.BOT, "bye"))).orElseThrow();
    }
    store().commit(ConversationRecord.start("other-user", "telegram", "chat-43", null, ConversationState.BOT, T0), 0, List.of());
    store().commit(ConversationRecord.start("other-channel", "webchat", "chat-42", null, ConversationState.BOT, T0), 0, List.of());

    assertThat(store().conversationsOf("telegram", "chat-42", 10)).containsExactly("r2", "r1", "r0");
    assertThat(store().conversationsOf("telegram", "chat-42", 2)).containsExactly("r2", "r1");
    assertThat(store().conversationsOf("telegram", "chat-43", 10)).containsExactly("other-user");
    assertThat(store().conversationsOf("webchat", "chat-42", 10)).containsExactly("other-channel");
    assertThat(store().conversationsOf("telegram", "nobody", 10)).isEmpty();
  }

  @Test
  void deletesAConversationTheResidentNeverWroteInSoonerThanOneTheyDid() {
    // Opened and left: the welcome, then the bot closing it when idle; nothing from the resident.
    CommitResult unused = store().commit(fresh("unused"), 0, List.of(line(Sender.BOT, "welcome"))).orElseThrow();
    store().commit(unused.record().withState(ConversationState.CLOSED), 1, List.of(line(Sender.SYSTEM, "closed"))).orElseThrow();
    // The resident wrote once; later lines from others do not make it empty again.
    CommitResult used = store().commit(fresh("used"), 0, List.of(line(Sender.BOT, "welcome"))).orElseThrow();
    used = store().commit(used.record(), 1, List.of(line(Sender.RESIDENT, "hello"), line(Sender.BOT, "hi"))).orElseThrow();
    store().commit(used.record().withState(ConversationState.CLOSED), 2, List.of(line(Sender.SYSTEM, "closed"))).orElseThrow();
    // A resident's earlier conversation stays listed when a new one is started and left empty.
    store().commit(ConversationRecord.start("earlier", "telegram", "chat-7", null, ConversationState.BOT, T0), 0,
        List.of(line(Sender.RESIDENT, "/start"))).orElseThrow();
    store().commit(ConversationRecord.start("newer", "telegram", "chat-7", null, ConversationState.BOT, T0.plusSeconds(1)), 0,
        List.of(line(Sender.BOT, "welcome"))).orElseThrow();

    letTimePass(EMPTY_RETENTION.plusMinutes(1));

    assertThat(store().find("unused")).isEmpty();
    assertThat(store().transcript("unused", 0)).isEmpty();
    assertThat(store().conversationsOf("webchat", "unused", 10)).isEmpty();
    assertThat(store().find("newer")).isEmpty();
    assertThat(store().find("used")).isPresent();
    assertThat(store().transcript("used", 0)).extracting(TranscriptEntry::text)
        .containsExactly("welcome", "hello", "hi", "closed");
    assertThat(store().conversationsOf("telegram", "chat-7", 10)).containsExactly("earlier");

    letTimePass(RETENTION);

    assertThat(store().find("used")).isEmpty();
    assertThat(store().transcript("used", 0)).isEmpty();
    assertThat(store().conversationsOf("telegram", "chat-7", 10)).isEmpty();
  }

  @Test
  void remembersDeliveredMessages() {
    assertThat(store().wasDelivered("msg:c5:1")).isFalse();
    store().markDelivered("msg:c5:1", Duration.ofMinutes(5));
    assertThat(store().wasDelivered("msg:c5:1")).isTrue();
    assertThat(store().wasDelivered("msg:c5:2")).isFalse();
  }

  @Test
  void exactlyOneOfManyConcurrentClaimsWins() throws Exception {
    CommitResult created = store().commit(fresh("c6").withState(ConversationState.AWAITING_AGENT), 0, List.of()).orElseThrow();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        String agent = "agent" + i;
        claims.add(() -> store().commit(created.record().withState(ConversationState.WITH_AGENT).withOwner(agent), 1,
            List.of(line(Sender.SYSTEM, agent + " joined"))).isPresent());
      }
      int winners = 0;
      for (Future<Boolean> f : pool.invokeAll(claims)) {
        winners += f.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
      assertThat(store().transcript("c6", 0)).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void theConversationLockLetsOneWorkerInAtATime() throws Exception {
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> workers = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        workers.add(() -> store().withConversationLock("c7", () -> {
          maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.onSpinWait();
          for (int spin = 0; spin < 10_000; spin++) {
            Thread.onSpinWait();
          }
          return inside.decrementAndGet();
        }));
      }
      for (Future<Integer> f : pool.invokeAll(workers)) {
        f.get();
      }
      assertThat(maxInside.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  static CallBackRequest callBackLeft(String id, Instant at) {
    return CallBackRequest.left(ConversationReferences.of(id),
        ContactDetails.of("resident@example.org", "07700 900123", "About my council tax ✓"), at, "council-tax",
        "council_tax_pay");
  }

  @Test
  void keepsWhatTheResidentLeftForAReplyWithTheConversation() {
    CallBackRequest left = callBackLeft("c8", T0).takenBy("ann", T0.plusSeconds(5))
        .settled(CallBackOutcome.CALLED_BACK, "ann", T0.plusSeconds(60)).emailed(true).emailed(false);
    store().commit(fresh("c8").withCallBack(left), 0, List.of(line(Sender.RESIDENT, "hello")));

    ConversationRecord found = store().find("c8").orElseThrow();
    assertThat(found.callBack()).isEqualTo(left);
    assertThat(found.callBack().phone()).isEqualTo("07700900123");
    assertThat(found.callBack().emailsSent()).isEqualTo(1);
    assertThat(found.callBack().emailsFailed()).isEqualTo(1);
    assertThat(found.toString()).as("what a log line of the record would show")
        .doesNotContain("resident@example.org", "07700900123", "council tax ✓").contains("r…@example.org", "…123");
  }

  @Test
  void listsCallBacksMostRecentlyLeftFirstAndForgetsThemWithTheirConversation() {
    store().commit(fresh("cb-old").withCallBack(callBackLeft("cb-old", T0)), 0, List.of(line(Sender.RESIDENT, "a")));
    store().commit(fresh("cb-new").withCallBack(callBackLeft("cb-new", T0.plusSeconds(90))), 0,
        List.of(line(Sender.RESIDENT, "b")));
    store().commit(fresh("no-cb"), 0, List.of(line(Sender.RESIDENT, "c")));

    assertThat(store().callBacks(10)).extracting(ConversationRecord::id).containsExactly("cb-new", "cb-old");
    assertThat(store().callBacks(1)).extracting(ConversationRecord::id).containsExactly("cb-new");

    ConversationRecord old = store().find("cb-old").orElseThrow();
    store().commit(old.withCallBack(null), old.version(), List.of());
    assertThat(store().callBacks(10)).extracting(ConversationRecord::id).containsExactly("cb-new");

    letTimePass(RETENTION.plusMinutes(1));

    assertThat(store().find("cb-new")).isEmpty();
    assertThat(store().callBacks(10)).isEmpty();
  }

  @Test
  void aResidentIsSeenUntilTheirPageStopsAsking() {
    store().commit(fresh("c9"), 0, List.of());
    assertThat(store().residentSeen("c9")).as("never asked").isFalse();

    store().markResidentSeen("c9", Duration.ofMinutes(2));
    assertThat(store().residentSeen("c9")).isTrue();
    assertThat(store().residentSeen("c10")).as("another conversation").isFalse();

    letTimePass(Duration.ofMinutes(3));
    assertThat(store().residentSeen("c9")).as("no ask for longer than the mark lasts").isFalse();
  }
}
