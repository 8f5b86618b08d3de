package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.townhall.bot.support.MutableClock;

class InMemoryStaffStoreTests extends StaffStoreContract {

  private MutableClock clock;
  private InMemoryStaffStore staff;

  @BeforeEach
  void setUp() {
    clock = new MutableClock(T0);
    staff = new InMemoryStaffStore(clock, Duration.ofDays(90));
  }

  @Override
  StaffStore staff() {
    return staff;
  }

  @Override
  void lapse(Duration time) {
    clock.advance(time.plusMillis(1));
  }

  @Test
  void purgesNotesAndTrailsOlderThanTheRetentionPeriod() {
    staff.addNote("old", new StaffNote(T0, "ann", "note"));
    staff.audit(new AuditEntry(T0, "ann", "claim", "old", null));
    staff.addNote("recent", new StaffNote(T0.plus(Duration.ofDays(89)), "ann", "note"));

    clock.set(T0.plus(Duration.ofDays(91)));
    staff.purgeExpired();

    assertThat(staff.notes("old")).isEmpty();
    assertThat(staff.auditOf("old")).isEmpty();
    assertThat(staff.auditLog(10)).isEmpty();
    assertThat(staff.notes("recent")).hasSize(1);
  }
}
