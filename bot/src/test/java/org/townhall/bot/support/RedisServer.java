package org.townhall.bot.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;

/**
 * A real {@code redis-server} on a free loopback port, started and stopped by the tests (never the
 * machine's own server). Fails loudly when redis-server is not installed.
 *
 * <p>Either {@link #start()} it, or let JUnit run it for a test class:
 * {@code @RegisterExtension static final RedisServer server = RedisServer.perTestClass();}
 */
public final class RedisServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

  private final int port;
  private final Path dir;
  private Process process;

  private RedisServer(int port, Path dir) {
    this.port = port;
    this.dir = dir;
  }

  public static RedisServer start() {
    try {
      RedisServer server = new RedisServer(FreePort.onLoopback(), Files.createTempDirectory("townhall-redis"));
      server.launch();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start redis-server", e);
    }
  }

  /** Not started yet: JUnit starts it before the class's tests and stops it after them. */
  public static RedisServer perTestClass() {
    try {
      return new RedisServer(FreePort.onLoopback(), Files.createTempDirectory("townhall-redis"));
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare redis-server", e);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    launch();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    stop();
  }

  public int port() {
    return port;
  }

  /** A fresh, emptied database and a pooled client on it, with short timeouts for tests. */
  public RedisClient emptiedClient() {
    RedisClient client = RedisClient.builder()
        .hostAndPort(new HostAndPort("127.0.0.1", port()))
        .clientConfig(DefaultJedisClientConfig.builder().socketTimeoutMillis(1000).connectionTimeoutMillis(1000).build())
        .build();
    client.flushAll();
    return client;
  }

  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Starts the server again on the same port (after {@link #stop()}), empty. */
  public void launch() throws IOException {
    ProcessBuilder builder = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
        "--save", "", "--appendonly", "no", "--dir", dir.toString(), "--protected-mode", "yes")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("redis.log").toFile());
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("redis-server is not installed (apt-get install redis-server)", e);
    }
    awaitListening(Duration.ofSeconds(10));
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  public void stop() {
    if (process != null) {
      process.destroy();
      try {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /**
   * Does to the keys matching {@code pattern} what Redis does as {@code duration} passes: deletes
   * every key whose time to live runs out meanwhile, and shortens the others' (tests cannot wait 90 days).
   */
  public static void letTimePass(redis.clients.jedis.UnifiedJedis redis, String pattern, Duration duration) {
    for (String key : redis.keys(pattern)) {
      long ttl = redis.pttl(key);
      if (ttl >= 0 && ttl <= duration.toMillis()) {
        redis.del(key);
      } else if (ttl > 0) {
        redis.pexpire(key, ttl - duration.toMillis());
      }
    }
  }

  private void awaitListening(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("redis-server exited; see " + dir.resolve("redis.log"));
      }
      try (Socket ignored = new Socket("127.0.0.1", port)) {
        return;
      } catch (IOException notYet) {
        sleepBriefly();
      }
    }
    throw new IllegalStateException("redis-server did not listen on " + port + " within " + timeout);
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

}
