package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every {@link StaffStore} must do; run against each implementation. */
abstract class StaffStoreContract {

  static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  abstract StaffStore staff();

  @Test
  void erasingAConversationDeletesItsNotesAndTrailAndNamesItByItsReferenceOnly() {
    String id = java.util.UUID.randomUUID().toString();
    String other = java.util.UUID.randomUUID().toString();
    staff().audit(new AuditEntry(T0, "ann", "claim", id, "waste"));
    staff().audit(new AuditEntry(T0.plusSeconds(1), "ann", "claim", other, null));
    staff().addNote(id, new StaffNote(T0, "ann", "rang the resident"));
    staff().addNote(other, new StaffNote(T0, "ann", "kept"));
    staff().markTyping(id, "ann", java.time.Duration.ofMinutes(1));
    staff().recordSafeguarding(new SafeguardingEvent(T0, id, "webchat", "self-harm", "handoff", null));
    staff().recordSafeguarding(new SafeguardingEvent(T0, other, "webchat", "self-harm", "handoff", null));

    AuditEntry erasure = new AuditEntry(T0.plusSeconds(5), "resident", "erase", "TH-ABCDEF01", "at the resident's request");
    staff().eraseConversation(id, "TH-ABCDEF01", erasure);

    assertThat(staff().notes(id)).isEmpty();
    assertThat(staff().auditOf(id)).isEmpty();
    assertThat(staff().typing(id)).isEmpty();
    assertThat(staff().auditLog(10).get(0)).isEqualTo(erasure);
    assertThat(staff().auditLog(10)).extracting(AuditEntry::conversationId).doesNotContain(id).contains(other);
    assertThat(staff().auditLog(10)).contains(new AuditEntry(T0, "ann", "claim", "TH-ABCDEF01", "waste"));
    // The erasure names no conversation's own trail.
    assertThat(staff().auditOf("TH-ABCDEF01")).isEmpty();
    assertThat(staff().safeguardingEvents(10)).extracting(SafeguardingEvent::conversationId)
        .containsExactlyInAnyOrder(null, other);
    assertThat(staff().safeguardingEvents(10)).allMatch(e -> e.category().equals("self-harm"));
    assertThat(staff().notes(other)).extracting(StaffNote::text).containsExactly("kept");
  }

  @Test
  void keepsTheAuditLogNewestFirstAndEachConversationsTrailOldestFirst() {
    staff().audit(new AuditEntry(T0, "ann", "claim", "c1", null));
    staff().audit(new AuditEntry(T0.plusSeconds(1), "ann", "reply", "c1", null));
    staff().audit(new AuditEntry(T0.plusSeconds(2), "admin", "pause", null, "model retraining ✓ <b>"));
    staff().audit(new AuditEntry(T0.plusSeconds(3), "bob", "view", "c2", null));

    assertThat(staff().auditLog(10)).extracting(AuditEntry::action).containsExactly("view", "pause", "reply", "claim");
    assertThat(staff().auditLog(2)).extracting(AuditEntry::action).containsExactly("view", "pause");
    assertThat(staff().auditLog(10).get(1)).isEqualTo(new AuditEntry(T0.plusSeconds(2), "admin", "pause", null,
        "model retraining ✓ <b>"));
    assertThat(staff().auditOf("c1")).extracting(AuditEntry::action).containsExactly("claim", "reply");
    assertThat(staff().auditOf("c1")).allSatisfy(e -> assertThat(e.actor()).isEqualTo("ann"));
    assertThat(staff().auditOf("none")).isEmpty();
    assertThat(staff().auditLog(0)).isEmpty();
  }

  @Test
  void keepsNotesPerConversationInOrder() {
    staff().addNote("c1", new StaffNote(T0, "ann", "Resident is hard of hearing"));
    staff().addNote("c1", new StaffNote(T0.plusSeconds(5), "bob", "<script>x</script> called back"));
    staff().addNote("c2", new StaffNote(T0, "ann", "other"));

    assertThat(staff().notes("c1")).containsExactly(new StaffNote(T0, "ann", "Resident is hard of hearing"),
        new StaffNote(T0.plusSeconds(5), "bob", "<script>x</script> called back"));
    assertThat(staff().notes("none")).isEmpty();
  }

  @Test
  void pausesAndResumesTheBot() {
    assertThat(staff().botPause()).isEmpty();
    staff().pauseBot(new BotPause("Wrong answers about council tax", "admin", T0));
    assertThat(staff().botPause()).contains(new BotPause("Wrong answers about council tax", "admin", T0));
    staff().resumeBot();
    assertThat(staff().botPause()).isEmpty();
  }

  @Test
  void showsWhoIsTypingUntilClearedOrLapsed() {
    assertThat(staff().typing("c1")).isEmpty();
    staff().markTyping("c1", "ann", java.time.Duration.ofHours(1));
    assertThat(staff().typing("c1")).contains("ann");
    assertThat(staff().typing("c2")).isEmpty();
    staff().clearTyping("c1");
    assertThat(staff().typing("c1")).isEmpty();

    staff().markTyping("c1", "bob", java.time.Duration.ofMillis(50));
    lapse(java.time.Duration.ofMillis(50));
    await().atMost(java.time.Duration.ofSeconds(5)).pollInterval(java.time.Duration.ofMillis(20))
        .until(() -> staff().typing("c1").isEmpty());
    assertThat(staff().typing("c1")).as("a typing notice lapses by itself").isEmpty();
  }

  /** Lets {@code time} pass for the store (a test clock moves; Redis's own clock just runs). */
  void lapse(java.time.Duration time) {}

  @Test
  void keepsEachPersonsPresence() {
    staff().setPresence("ann", "available");
    staff().setPresence("bob", "away");
    staff().setPresence("ann", "away");
    assertThat(staff().presence()).isEqualTo(Map.of("ann", "away", "bob", "away"));
  }

  @Test
  void keepsStaffAccountsAndCreatesEachOnlyOnce() {
    var ann = new StaffAccount("ann", "{bcrypt}hash1", java.util.List.of("AGENT"), java.util.List.of("housing"), true);
    assertThat(staff().createAccountIfAbsent(ann)).isTrue();
    assertThat(staff().createAccountIfAbsent(new StaffAccount("ann", "{bcrypt}other", java.util.List.of("ADMIN"),
        java.util.List.of(), true))).isFalse();
    assertThat(staff().account("ann")).contains(ann);

    var disabled = new StaffAccount("ann", "{bcrypt}hash2", java.util.List.of("AGENT", "EDITOR"), java.util.List.of(),
        false);
    staff().saveAccount(disabled);
    staff().saveAccount(new StaffAccount("abe", "{bcrypt}hash3", java.util.List.of("ADMIN"), java.util.List.of(), true));
    assertThat(staff().account("ann")).contains(disabled);
    assertThat(staff().accounts()).extracting(StaffAccount::username).containsExactly("abe", "ann");
    assertThat(staff().account("nobody")).isEmpty();
  }

  @Test
  void keepsWhereAnAccountSignsInAndItsSecondFactorSecret() {
    var sso = new StaffAccount("sam.jones@council.gov.uk", null, java.util.List.of("AGENT"),
        java.util.List.of("council-tax"), true, "Sam Jones", "https://login.example/tenant/v2.0", null);
    var local = new StaffAccount("ann", "{bcrypt}hash1", java.util.List.of("AGENT"), java.util.List.of(), true)
        .withSecondFactor("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    staff().saveAccount(sso);
    staff().saveAccount(local);

    assertThat(staff().account("sam.jones@council.gov.uk")).contains(sso);
    assertThat(staff().account("sam.jones@council.gov.uk").orElseThrow().signsInWithSingleSignOn()).isTrue();
    assertThat(staff().account("ann").orElseThrow().secondFactorSecret()).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
    staff().saveAccount(local.withSecondFactor(null));
    assertThat(staff().account("ann").orElseThrow().enrolledSecondFactor()).isFalse();
  }

  @Test
  void requiresASecondFactorOnlyWhileSetToAndForEveryInstance() {
    assertThat(staff().secondFactorRequired()).isFalse();
    staff().requireSecondFactor(true);
    assertThat(staff().secondFactorRequired()).isTrue();
    staff().requireSecondFactor(false);
    assertThat(staff().secondFactorRequired()).isFalse();
  }

  @Test
  void takesEachOneTimeCodeStepOnceAndNoEarlierOneAfterIt() {
    assertThat(staff().useCodeStep("ann", 59_000_000L)).isTrue();
    assertThat(staff().useCodeStep("ann", 59_000_000L)).as("the same code again").isFalse();
    assertThat(staff().useCodeStep("ann", 58_999_999L)).as("an earlier code after a later one").isFalse();
    assertThat(staff().useCodeStep("bob", 59_000_000L)).as("someone else's code of the same moment").isTrue();
    assertThat(staff().useCodeStep("ann", 59_000_001L)).isTrue();
  }

  @Test
  void givesEachCodeStepToExactlyOneOfManyAttemptsAtOnce() throws Exception {
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      var attempts = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
      for (int i = 0; i < 16; i++) {
        attempts.add(pool.submit(() -> staff().useCodeStep("ann", 59_000_000L)));
      }
      long taken = 0;
      for (var attempt : attempts) {
        taken += attempt.get() ? 1 : 0;
      }
      assertThat(taken).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void keepsTheMostRecentHandlingTimesNewestFirst() {
    assertThat(staff().recentHandlingTimes()).isEmpty();
    for (int minutes = 1; minutes <= StaffStore.HANDLING_TIMES_KEPT + 5; minutes++) {
      staff().recordHandlingTime(java.time.Duration.ofMinutes(minutes));
    }
    var kept = staff().recentHandlingTimes();
    assertThat(kept).hasSize(StaffStore.HANDLING_TIMES_KEPT);
    assertThat(kept.get(0)).isEqualTo(java.time.Duration.ofMinutes(StaffStore.HANDLING_TIMES_KEPT + 5));
    assertThat(kept.get(kept.size() - 1)).isEqualTo(java.time.Duration.ofMinutes(6));
  }

  @Test
  void keepsSafeguardingEventsNewestFirstWithEveryField() {
    assertThat(staff().safeguardingEvents(10)).isEmpty();
    var first = new SafeguardingEvent(java.time.Instant.parse("2026-12-03T10:00:00Z"), "c1", "webchat",
        "domestic_abuse", "handoff", null);
    var second = new SafeguardingEvent(java.time.Instant.parse("2026-12-03T10:04:00Z"), "c1", "webchat",
        "domestic_abuse", "first_response", 240L);
    staff().recordSafeguarding(first);
    staff().recordSafeguarding(second);

    assertThat(staff().safeguardingEvents(10)).containsExactly(second, first);
    assertThat(staff().safeguardingEvents(1)).containsExactly(second);
    assertThat(staff().safeguardingEvents(0)).isEmpty();
  }

  @Test
  void keepsSatisfactionAnswersNewestFirstWithEveryField() {
    assertThat(staff().satisfactionEvents(10)).isEmpty();
    var rating = org.townhall.bot.store.SatisfactionEvent.rating(java.time.Instant.parse("2026-12-03T10:00:00Z"),
        "telegram", "council-tax", 4);
    var comment = org.townhall.bot.store.SatisfactionEvent.comment(java.time.Instant.parse("2026-12-03T10:01:00Z"),
        "telegram", "council-tax", "call me on [phone]");
    staff().recordSatisfaction(rating);
    staff().recordSatisfaction(comment);

    assertThat(staff().satisfactionEvents(10)).containsExactly(comment, rating);
    assertThat(staff().satisfactionEvents(1)).containsExactly(comment);
    assertThat(staff().satisfactionEvents(0)).isEmpty();
  }
}
