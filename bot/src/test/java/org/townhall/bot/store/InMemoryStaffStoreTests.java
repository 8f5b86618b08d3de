package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InMemoryStaffStoreTests extends StaffStoreContract {

  private InMemoryConversationStoreTests.MutableClock clock;
  private InMemoryStaffStore staff;

  @BeforeEach
  void setUp() {
    clock = new InMemoryConversationStoreTests.MutableClock(T0);
    staff = new InMemoryStaffStore(clock, Duration.ofDays(90));
  }

  @Override
  StaffStore staff() {
    return staff;
  }

  @Test
  void purgesNotesAndTrailsOlderThanTheRetentionPeriod() {
    staff.addNote("old", new StaffNote(T0, "ann", "note"));
    staff.audit(new AuditEntry(T0, "ann", "claim", "old", null));
    staff.addNote("recent", new StaffNote(T0.plus(Duration.ofDays(89)), "ann", "note"));

    clock.now = T0.plus(Duration.ofDays(91));
    staff.purgeExpired();

    assertThat(staff.notes("old")).isEmpty();
    assertThat(staff.auditOf("old")).isEmpty();
    assertThat(staff.auditLog(10)).isEmpty();
    assertThat(staff.notes("recent")).hasSize(1);
  }
}
