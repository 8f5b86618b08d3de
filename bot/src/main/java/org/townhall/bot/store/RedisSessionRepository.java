package org.townhall.bot.store;

import static org.townhall.bot.store.RedisFailures.call;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.UuidSessionIdGenerator;
import redis.clients.jedis.UnifiedJedis;

/**
 * Staff sign-in sessions in Redis, so that a member of staff signed in through one instance is signed
 * in on all of them, and a sign-out or expiry applies everywhere. One string key per session
 * ({@link RedisKeys#staffSession}) holding the JDK-serialised {@link MapSession}, living as long as
 * the session's inactivity timeout and renewed on each save (each request that uses the session).
 * Unreachable Redis surfaces as {@link StoreUnavailableException}, like every other store call.
 */
final class RedisSessionRepository implements SessionRepository<RedisSessionRepository.StoredSession> {

  private static final Logger log = LoggerFactory.getLogger(RedisSessionRepository.class);

  /** Our ids are UUIDs; anything else from a cookie is nobody's session and is not looked up. */
  private static final Pattern SESSION_ID = Pattern.compile("[0-9a-fA-F-]{1,64}");

  /**
   * Only the JDK's and Spring's classes may come out of a stored session: Redis is trusted, but a
   * session is the one place where the bot deserialises objects, so it takes no more than it needs.
   */
  private static final ObjectInputFilter ONLY_SESSION_CLASSES = ObjectInputFilter.Config.createFilter(
      "maxdepth=20;maxbytes=1000000;java.**;org.springframework.**;!*");

  private final UnifiedJedis redis;
  private final RedisKeys keys;
  private final Duration timeout;

  RedisSessionRepository(UnifiedJedis redis, String prefix, Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("server.servlet.session.timeout must be positive, not " + timeout);
    }
    this.redis = redis;
    this.keys = new RedisKeys(prefix);
    this.timeout = timeout;
  }

  @Override
  public StoredSession createSession() {
    MapSession session = new MapSession(UuidSessionIdGenerator.getInstance());
    session.setMaxInactiveInterval(timeout);
    return new StoredSession(session, null);
  }

  @Override
  public void save(StoredSession session) {
    MapSession map = session.delegate;
    String key = keys.staffSession(map.getId());
    String loadedKey = session.loadedId == null ? key : keys.staffSession(session.loadedId);
    long ttl = Math.max(1, map.getMaxInactiveInterval().toMillis());
    Object written = call(() -> redis.eval(RedisScripts.SAVE_SESSION, List.of(key, loadedKey),
        List.of(serialise(map), Long.toString(ttl), session.loadedId == null ? "0" : "1")));
    // Once written, it is in Redis under its current id, whatever happens next in this request.
    if (Long.valueOf(1).equals(written)) {
      session.loadedId = map.getId();
    }
  }

  @Override
  public StoredSession findById(String id) {
    if (id == null || !SESSION_ID.matcher(id).matches()) {
      return null;
    }
    String stored = call(() -> redis.get(keys.staffSession(id)));
    if (stored == null) {
      return null;
    }
    MapSession map = deserialise(stored);
    if (map == null || !map.getId().equals(id) || map.isExpired()) {
      deleteById(id);
      return null;
    }
    map.setSessionIdGenerator(UuidSessionIdGenerator.getInstance());
    return new StoredSession(map, id);
  }

  @Override
  public void deleteById(String id) {
    if (id != null && SESSION_ID.matcher(id).matches()) {
      call(() -> redis.del(keys.staffSession(id)));
    }
  }

  private static String serialise(MapSession session) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(session);
    } catch (IOException e) {
      // Only our own code puts attributes in a session; one that is not serialisable is a bug.
      throw new UncheckedIOException("A session attribute is not serialisable", e);
    }
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }

  /** Null for a session this version cannot read (e.g. stored by an older release): sign in again. */
  private static MapSession deserialise(String stored) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(stored)))) {
      in.setObjectInputFilter(ONLY_SESSION_CLASSES);
      return in.readObject() instanceof MapSession session ? session : null;
    } catch (IOException | ClassNotFoundException | IllegalArgumentException e) {
      log.warn("Dropped a stored sign-in session that could not be read: {}", e.toString());
      return null;
    }
  }

  /** A session and the id it was stored under (null while it has never been saved). */
  static final class StoredSession implements Session {

    private final MapSession delegate;
    private String loadedId;

    private StoredSession(MapSession delegate, String loadedId) {
      this.delegate = delegate;
      this.loadedId = loadedId;
    }

    @Override
    public String getId() {
      return delegate.getId();
    }

    @Override
    public String changeSessionId() {
      return delegate.changeSessionId();
    }

    @Override
    public <T> T getAttribute(String name) {
      return delegate.getAttribute(name);
    }

    @Override
    public Set<String> getAttributeNames() {
      return delegate.getAttributeNames();
    }

    @Override
    public void setAttribute(String name, Object value) {
      delegate.setAttribute(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      delegate.removeAttribute(name);
    }

    @Override
    public Instant getCreationTime() {
      return delegate.getCreationTime();
    }

    @Override
    public void setLastAccessedTime(Instant lastAccessedTime) {
      delegate.setLastAccessedTime(lastAccessedTime);
    }

    @Override
    public Instant getLastAccessedTime() {
      return delegate.getLastAccessedTime();
    }

    @Override
    public void setMaxInactiveInterval(Duration interval) {
      delegate.setMaxInactiveInterval(interval);
    }

    @Override
    public Duration getMaxInactiveInterval() {
      return delegate.getMaxInactiveInterval();
    }

    @Override
    public boolean isExpired() {
      return delegate.isExpired();
    }
  }
}
