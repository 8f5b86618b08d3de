package org.townhall.bot.store;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How to reach Redis when {@code townhall.store=redis}. A password belongs in the URL and the URL in
 * the environment ({@code TOWNHALL_REDIS_URL}), never in a file.
 *
 * @param url e.g. {@code redis://:secret@redis.internal:6379/0}
 * @param keyPrefix prefix of every key, so that several deployments can share a server
 * @param connectTimeout TCP connect timeout
 * @param socketTimeout read timeout of one command
 * @param poolMaxTotal most connections open at once
 * @param lockLease how long a conversation lock lives if its holder dies
 * @param lockWait how long to wait for a busy conversation before giving up
 * @param healthTimeout how long the readiness check waits for Redis to answer a PING before it
 *     reports the store DOWN
 */
@Validated
@ConfigurationProperties("townhall.redis")
record RedisStoreProperties(
    @NotNull URI url,
    @NotNull @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may hold only letters, digits and . _ : -")
    String keyPrefix,
    @NotNull @DurationMin(millis = 1) Duration connectTimeout,
    @NotNull @DurationMin(millis = 1) Duration socketTimeout,
    @Positive int poolMaxTotal,
    @NotNull @DurationMin(millis = 1) Duration lockLease,
    @NotNull Duration lockWait,
    @NotNull @DurationMin(millis = 1) Duration healthTimeout) {

  /** Never the password: the URL's user information is masked, in logs and error messages alike. */
  @Override
  public String toString() {
    return "RedisStoreProperties[url=" + masked(url) + ", keyPrefix=" + keyPrefix + ", connectTimeout="
        + connectTimeout + ", socketTimeout=" + socketTimeout + ", poolMaxTotal=" + poolMaxTotal + ", lockLease="
        + lockLease + ", lockWait=" + lockWait + ", healthTimeout=" + healthTimeout + "]";
  }

  static String masked(URI url) {
    if (url == null || url.getRawUserInfo() == null) {
      return String.valueOf(url);
    }
    return url.toString().replace(url.getRawUserInfo() + "@", "****@");
  }
}
