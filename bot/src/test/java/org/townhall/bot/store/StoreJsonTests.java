package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stored JSON is a format: these are the exact strings Spring Boot 3.5's mapper wrote, so a
 * platform or library move that changes what is kept in Redis fails here, not in production.
 */
class StoreJsonTests {

  private final ObjectMapper json = StoreJson.mapper();

  @Test
  void writesIsoInstantsInDeclarationOrderAndLeavesOutNulls() throws Exception {
    assertThat(json.writeValueAsString(new AuditEntry(Instant.parse("2026-01-02T03:04:05Z"), "ann", "claim", "c1", null)))
        .isEqualTo("{\"at\":\"2026-01-02T03:04:05Z\",\"actor\":\"ann\",\"action\":\"claim\",\"conversationId\":\"c1\"}");
    assertThat(json.writeValueAsString(new StaffAccount("ann", "{bcrypt}x", List.of("AGENT"), List.of(), true)))
        .isEqualTo("{\"username\":\"ann\",\"passwordHash\":\"{bcrypt}x\",\"roles\":[\"AGENT\"],\"teams\":[],\"enabled\":true}");
  }

  @Test
  void readsAnAccountStoredBeforeSingleSignOnAndSecondFactorsAsALocalAccountWithout() throws Exception {
    StaffAccount stored = json.readValue("{\"username\":\"ann\",\"passwordHash\":\"{bcrypt}x\",\"roles\":[\"AGENT\"],"
        + "\"teams\":[],\"enabled\":true}", StaffAccount.class);

    assertThat(stored).isEqualTo(new StaffAccount("ann", "{bcrypt}x", List.of("AGENT"), List.of(), true));
    assertThat(stored.signsInWithSingleSignOn()).isFalse();
    assertThat(stored.enrolledSecondFactor()).isFalse();
  }

  @Test
  void readsValuesWrittenWithFieldsItDoesNotKnow() throws Exception {
    BotPause pause = json.readValue("{\"reason\":\"r\",\"by\":\"admin\",\"since\":\"1970-01-01T00:00:00Z\",\"later\":1}",
        BotPause.class);

    assertThat(pause).isEqualTo(new BotPause("r", "admin", Instant.EPOCH));
  }
}
