package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.Arrays;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.nlu.Understanding;
import org.townhall.bot.support.TownhallTest;

/**
 * What one resident message costs, part by part: restoring the conversation's state machine and
 * firing one event, classifying the text, and the whole step through {@link Conversations} on the
 * in-memory store. A benchmark, not a test: it prints numbers and asserts nothing. Run with
 * {@code ./mvnw -B -ntp -pl bot -am verify -Pbenchmarks -Dtest=ConversationStepBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}; results are in docs/benchmarks.md.
 */
@Tag("benchmark")
@SpringBootTest(properties = {TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00",
    "townhall.handoff.closes=00:00", "townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD})
class ConversationStepBenchmark {

  private static final int WARM_UP = 3_000;
  private static final int MEASURED = 5_000;

  @Autowired
  ConversationMachine machine;

  @Autowired
  IntentUnderstanding understanding;

  @Autowired
  Conversations conversations;

  @Autowired
  ResidentMessages residents;

  @Test
  void printWhatAStepCosts() {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");
    ConversationRecord record = ConversationRecord.start("bench", "webchat", "bench", null, ConversationState.BOT, now);
    Understanding understood = understanding.understand("how do I pay my council tax");

    report("restore machine + fire UNDERSTOOD (BOT -> BOT, answer action)", i -> machine.fire(ConversationState.BOT,
        ConversationEvent.UNDERSTOOD, new Turn(record, now, understood, "council_tax_pay", null, "x")));
    report("restore machine + fire a refused event (no action)", i -> machine.fire(ConversationState.CLOSED,
        ConversationEvent.AGENT_REPLIED, new Turn(record, now, understood, null, "ann", "x")));
    report("classify a short message", i -> understanding.understand("how do I pay my council tax " + (i % 10)));
    // A fresh conversation every 20 messages: real conversations are short.
    String[] id = new String[1];
    report("whole step: ResidentMessages.receive, in-memory store", i -> {
      if (i % 20 == 0) {
        id[0] = residents.start("webchat", null, "hash").id();
      }
      residents.receive(new InboundMessage(id[0], "b" + i, "how do I pay my council tax"));
    });
  }

  private static void report(String what, IntConsumer step) {
    for (int i = 0; i < WARM_UP; i++) {
      step.accept(i);
    }
    long[] micros = new long[MEASURED];
    for (int i = 0; i < MEASURED; i++) {
      long start = System.nanoTime();
      step.accept(WARM_UP + i);
      micros[i] = (System.nanoTime() - start) / 1_000;
    }
    Arrays.sort(micros);
    System.out.printf("BENCHMARK %-70s p50 %6d us  p99 %6d us  max %7d us  (n=%d after %d warm-up)%n", what,
        micros[MEASURED / 2], micros[MEASURED * 99 / 100], micros[MEASURED - 1], MEASURED, WARM_UP);
  }
}
