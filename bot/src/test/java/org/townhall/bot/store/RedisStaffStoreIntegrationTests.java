package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.townhall.bot.support.RedisServer;
import redis.clients.jedis.RedisClient;

/** The staff store contract against a real redis-server started on a free loopback port. */
class RedisStaffStoreIntegrationTests extends StaffStoreContract {

  @RegisterExtension
  static final RedisServer server = RedisServer.perTestClass();
  private RedisClient redis;
  private RedisStaffStore staff;

  @BeforeEach
  void connect() {
    redis = server.emptiedClient();
    ObjectMapper json = StoreJson.mapper();
    staff = new RedisStaffStore(redis, json, "test:", Duration.ofDays(90));
  }

  @AfterEach
  void disconnect() {
    redis.close();
  }

  @Override
  StaffStore staff() {
    return staff;
  }

  @Test
  void notesAndTrailsExpireWithTheConversation() {
    staff.addNote("r1", new StaffNote(T0, "ann", "note"));
    staff.audit(new AuditEntry(T0, "ann", "claim", "r1", null));

    assertThat(redis.pttl("test:conv:r1:notes")).isBetween(Duration.ofDays(89).toMillis(), Duration.ofDays(90).toMillis());
    assertThat(redis.pttl("test:conv:r1:audit")).isPositive();
  }
}
