package org.townhall.bot.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The Redis password never shows when the settings are printed (logs, start-up failures). */
class RedisStorePropertiesTests {

  @Test
  void thePasswordInTheUrlIsMasked() {
    var properties = new RedisStoreProperties(URI.create("redis://townhall:s3cr3t-pass@redis.internal:6379/0"), "th:",
        Duration.ofSeconds(2), Duration.ofSeconds(2), 32, Duration.ofSeconds(10), Duration.ofSeconds(10),
        Duration.ofSeconds(1));

    assertThat(properties.toString()).doesNotContain("s3cr3t-pass").contains("redis://****@redis.internal:6379/0");
    assertThat(RedisStoreProperties.masked(URI.create("redis://127.0.0.1:6379"))).isEqualTo("redis://127.0.0.1:6379");
  }
}
