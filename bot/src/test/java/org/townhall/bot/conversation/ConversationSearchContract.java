package org.townhall.bot.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.townhall.bot.handoff.HandoffTicket;
import org.townhall.bot.support.MutableClock;

/**
 * Staff's search over what a store keeps: the same answers from each store, read from the index its
 * commits keep, and nothing past retention.
 */
abstract class ConversationSearchContract {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");
  static final Duration RETENTION = Duration.ofDays(90);
  static final Duration EMPTY_RETENTION = Duration.ofHours(1);
  static final Predicate<HandlingHistory> EVERYTHING = history -> true;

  abstract ConversationStore store();

  abstract SearchIndex index();

  /** The clock the store commits by. */
  abstract MutableClock clock();

  /** Lets {@code duration} pass: whatever is due to be deleted by then is deleted. */
  abstract void letTimePass(Duration duration);

  ConversationSearch search(int scanLimit) {
    return new ConversationSearch(store(), index(), new SearchProperties(scanLimit));
  }

  List<String> ids(ConversationSearch.Page page) {
    return page.found().stream().map(f -> f.conversation().id()).toList();
  }

  static String id(int n) {
    return String.format("%08x-0000-4000-8000-%012d", n, n);
  }

  static SearchQuery words(String text) {
    return new SearchQuery(null, SearchQuery.wordsOf(text), null, null, null, null);
  }

  /** Commits a step as the conversation feature does: over the last version, its history carried over. */
  ConversationRecord step(ConversationRecord current, ConversationRecord next, TranscriptEntry... lines) {
    return store().commit(HandlingHistory.carriedOver(current, next), current == null ? 0 : current.version(),
        List.of(lines)).orElseThrow().record();
  }

  ConversationRecord started(String id, TranscriptEntry... lines) {
    return step(null, ConversationRecord.start(id, "webchat", id, "hash", ConversationState.BOT, clock().instant()),
        lines);
  }

  TranscriptEntry line(Sender from, String text) {
    return TranscriptEntry.draft(from, text, List.of(), clock().instant());
  }

  @Test
  void findsWhatResidentsAndStaffWroteWhateverTheCaseOrAccentsButNotTheBotsStockLines() {
    ConversationRecord bins = started(id(1), line(Sender.BOT, "Hello, ask me about bins and council tax."),
        line(Sender.RESIDENT, "My BIN wasn't emptied on Tuesday"), line(Sender.BOT, "Bins are collected weekly."));
    step(bins, bins.withOwner("ann"), line(Sender.AGENT, "I have booked a crew for the café street."));
    started(id(2), line(Sender.RESIDENT, "how do I pay council tax"));

    assertThat(ids(search(5000).search(words("bin"), EVERYTHING, null, 10))).containsExactly(id(1));
    assertThat(ids(search(5000).search(words("TUESDAY bin"), EVERYTHING, null, 10))).containsExactly(id(1));
    assertThat(ids(search(5000).search(words("Cafe CREW"), EVERYTHING, null, 10))).as("staff's words, accents dropped")
        .containsExactly(id(1));
    assertThat(ids(search(5000).search(words("weekly"), EVERYTHING, null, 10))).as("the bot's line").isEmpty();
    assertThat(ids(search(5000).search(words("bin council"), EVERYTHING, null, 10))).as("every word").isEmpty();
    assertThat(ids(search(5000).search(words("council"), EVERYTHING, null, 10))).containsExactly(id(2));
  }

  @Test
  void findsByReferenceEveryConversationSharingItAndNoOther() {
    String first = "1a2b3c4d-0000-4000-8000-000000000001";
    String second = "1a2b3c4d-ffff-4000-8000-000000000002";
    started(first, line(Sender.RESIDENT, "one"));
    clock().advance(Duration.ofMinutes(1));
    started(second, line(Sender.RESIDENT, "two"));
    started("1a2b3c4e-0000-4000-8000-000000000003", line(Sender.RESIDENT, "three"));
    // Never written in by the resident: nothing to find.
    started("1a2b3c4d-0000-4000-8000-000000000004", line(Sender.BOT, "welcome"));

    var query = new SearchQuery("1a2b3c4d", Set.of(), null, null, null, null);
    assertThat(ids(search(5000).search(query, EVERYTHING, null, 10))).containsExactly(second, first);
    assertThat(ConversationReferences.of(first)).isEqualTo("TH-1A2B3C4D");
    var both = new SearchQuery("1a2b3c4d", SearchQuery.wordsOf("two"), null, null, null, null);
    assertThat(ids(search(5000).search(both, EVERYTHING, null, 10))).containsExactly(second);
  }

  @Test
  void remembersTheTeamsStaffAndOutcomeOnceTheConversationHasClosedAndStartedOver() {
    ConversationRecord c = started(id(3), line(Sender.RESIDENT, "my bin was missed"));
    c = step(c, c.withState(ConversationState.AWAITING_AGENT)
        .withHandoff(new HandoffTicket(false, "waste", "bin_missed", "asked_for_person", clock().instant())));
    c = step(c, c.withHandoff(new HandoffTicket(false, "customer-services", "bin_missed", "transferred",
        clock().instant())));
    c = step(c, c.withState(ConversationState.WITH_AGENT).withOwner("ann"));
    c = step(c, c.withState(ConversationState.CLOSED).withOwner(null).withHandoff(null)
        .withAttributes(Map.of(Attributes.WRAP_UP, "resolved")));
    // The resident writes again: the dialogue starts over, the wrap-up forgotten by the live record.
    step(c, c.withState(ConversationState.BOT).withAttributes(Map.of()), line(Sender.RESIDENT, "thanks"));
    started(id(4), line(Sender.RESIDENT, "something else"));

    var byTeamAndOutcome = new SearchQuery(null, Set.of(), null, null, "waste", "resolved");
    List<ConversationSearch.Found> found = search(5000).search(byTeamAndOutcome, EVERYTHING, null, 10).found();
    assertThat(found).extracting(f -> f.conversation().id()).containsExactly(id(3));
    assertThat(found.get(0).history()).isEqualTo(new HandlingHistory("bin_missed", List.of("customer-services", "waste"),
        List.of("ann"), List.of("resolved")));
    assertThat(ids(search(5000).search(new SearchQuery(null, Set.of(), null, null, "waste", "duplicate"), EVERYTHING,
        null, 10))).isEmpty();
    assertThat(ids(search(5000).search(new SearchQuery(null, Set.of(), null, null, "housing", null), EVERYTHING, null,
        10))).isEmpty();
  }

  @Test
  void datesFindConversationsActiveBetweenThem() {
    Instant day1 = clock().instant();
    ConversationRecord early = started(id(5), line(Sender.RESIDENT, "day one"));
    clock().advance(Duration.ofDays(2));
    started(id(6), line(Sender.RESIDENT, "day three"));
    // Started on day one, written in again on day five.
    clock().advance(Duration.ofDays(2));
    step(early, early, line(Sender.RESIDENT, "day five"));
    Instant day = day1;

    assertThat(ids(search(5000).search(between(day, 1), EVERYTHING, null, 10))).containsExactly(id(5));
    assertThat(ids(search(5000).search(between(day.plus(Duration.ofDays(2)), 1), EVERYTHING, null, 10)))
        .as("day three: the one started then, and the one active across it").containsExactly(id(5), id(6));
    assertThat(ids(search(5000).search(between(day.plus(Duration.ofDays(3)), 1), EVERYTHING, null, 10)))
        .containsExactly(id(5));
    assertThat(ids(search(5000).search(between(day.plus(Duration.ofDays(10)), 1), EVERYTHING, null, 10))).isEmpty();
  }

  private static SearchQuery between(Instant start, int days) {
    return new SearchQuery(null, Set.of(), start, start.plus(Duration.ofDays(days)), null, null);
  }

  @Test
  void pagesGoOnWhereTheLastEndedWithoutRepeatsEvenWhenConversationsChangedAtTheSameMoment() {
    List<String> expected = new ArrayList<>();
    for (int i = 10; i < 17; i++) {
      started(id(i), line(Sender.RESIDENT, "pothole on my road"));
      expected.add(0, id(i));
      if (i % 3 == 0) {
        clock().advance(Duration.ofSeconds(1));
      }
    }
    started(id(17), line(Sender.RESIDENT, "something else"));

    List<String> seen = new ArrayList<>();
    SearchCursor after = null;
    int pages = 0;
    do {
      ConversationSearch.Page page = search(5000).search(words("pothole"), EVERYTHING, after, 3);
      seen.addAll(ids(page));
      after = page.next();
      pages++;
    } while (after != null && pages < 10);
    assertThat(seen).containsExactlyElementsOf(expected);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void looksAtNoMoreThanTheScanLimitAndSaysWhereToGoOn() {
    started(id(20), line(Sender.RESIDENT, "graffiti on the wall"));
    for (int i = 21; i < 33; i++) {
      clock().advance(Duration.ofSeconds(1));
      started(id(i), line(Sender.RESIDENT, "a noisy neighbour"));
    }

    ConversationSearch.Page first = search(5).search(words("graffiti"), EVERYTHING, null, 10);
    assertThat(first.found()).isEmpty();
    assertThat(first.stoppedAtScanLimit()).isTrue();
    assertThat(first.next()).isEqualTo(new SearchCursor(T0.plusSeconds(8).toEpochMilli(), id(28)));
    ConversationSearch.Page second = search(5).search(words("graffiti"), EVERYTHING, first.next(), 10);
    ConversationSearch.Page third = search(5).search(words("graffiti"), EVERYTHING, second.next(), 10);
    assertThat(ids(second)).isEmpty();
    assertThat(ids(third)).containsExactly(id(20));
    assertThat(third.stoppedAtScanLimit()).isFalse();
    assertThat(third.next()).isNull();
  }

  @Test
  void findsOnlyWhatTheSearcherMaySee() {
    ConversationRecord waste = started(id(40), line(Sender.RESIDENT, "fly tipping"));
    step(waste, waste.withState(ConversationState.AWAITING_AGENT)
        .withHandoff(new HandoffTicket(false, "waste", null, "asked_for_person", clock().instant())));
    started(id(41), line(Sender.RESIDENT, "fly tipping again"));

    Predicate<HandlingHistory> wasteTeam = history -> history.reachedAnyOf(List.of("waste"));
    assertThat(ids(search(5000).search(words("fly tipping"), wasteTeam, null, 10))).containsExactly(id(40));
  }

  @Test
  void neverFindsAConversationRetentionHasDeleted() {
    String kept = id(50);
    String gone = "5a5a5a5a-0000-4000-8000-000000000051";
    started(gone, line(Sender.RESIDENT, "a dead badger on the road"));
    letTimePass(RETENTION.minusDays(1));
    ConversationRecord recent = started(kept, line(Sender.RESIDENT, "another badger"));

    letTimePass(Duration.ofDays(2));
    step(recent, recent, line(Sender.RESIDENT, "still there"));

    assertThat(ids(search(5000).search(words("badger"), EVERYTHING, null, 10))).containsExactly(kept);
    assertThat(ids(search(5000).search(new SearchQuery("5a5a5a5a", Set.of(), null, null, null, null), EVERYTHING,
        null, 10))).isEmpty();
    assertThat(index().changedSince(Instant.EPOCH, null, 10)).extracting(SearchCursor::conversationId)
        .containsExactly(kept);
    assertThat(index().withWords(List.of(gone), SearchQuery.wordsOf("dead"))).isEmpty();
  }
}
