package org.townhall.bot.content;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.townhall.bot.store.RedisAccess;
import org.townhall.nlp.content.PackArchive;

/**
 * Versions and the draft in Redis, shared by every instance and kept across restarts. Each version
 * is its pack as a zip and a JSON description; {@code content:live} names the one to serve and is
 * written last, so an instance never sees a live version whose files are not there yet. Key names
 * hold only numbers the server made.
 */
class RedisContentVersions implements ContentVersions {

  private final RedisAccess redis;
  private final Clock clock;

  RedisContentVersions(RedisAccess redis, Clock clock) {
    this.redis = redis;
    this.clock = clock;
  }

  private String key(String name) {
    return redis.key("content:" + name);
  }

  private byte[] bytesKey(String name) {
    return key(name).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public Optional<Integer> live() {
    return Optional.ofNullable(redis.call(r -> r.get(key("live")))).map(Integer::valueOf);
  }

  @Override
  public List<ContentVersion> history() {
    List<String> numbers = redis.call(r -> r.lrange(key("history"), 0, -1));
    return numbers.stream().map(Integer::parseInt).map(this::version).flatMap(Optional::stream).toList();
  }

  @Override
  public Optional<ContentVersion> version(int number) {
    return Optional.ofNullable(redis.call(r -> r.get(key("version:" + number + ":info"))))
        .map(s -> redis.read(s, ContentVersion.class));
  }

  @Override
  public Optional<PackArchive> archive(int number) {
    return Optional.ofNullable(redis.call(r -> r.get(bytesKey("version:" + number + ":zip")))).map(PackArchive::unzip);
  }

  @Override
  public ContentVersion publish(PackArchive files, String by, String message, Integer restoredFrom,
      String approvedBy) {
    int number = Math.toIntExact(redis.call(r -> r.incr(key("next"))));
    ContentVersion version = new ContentVersion(number, files.id(), files.files().size(), by, clock.instant(),
        message, restoredFrom, approvedBy);
    byte[] zip = files.zip();
    redis.call(r -> r.set(bytesKey("version:" + number + ":zip"), zip));
    redis.call(r -> r.set(key("version:" + number + ":info"), redis.write(version)));
    redis.call(r -> r.lpush(key("history"), Integer.toString(number)));
    redis.call(r -> r.set(key("live"), Integer.toString(number)));
    return version;
  }

  /** The draft's description without its files, as kept next to them. */
  record DraftInfo(int basedOn, List<ContentDraft.Edit> edits) {}

  @Override
  public Optional<ContentDraft> draft() {
    String info = redis.call(r -> r.get(key("draft:info")));
    byte[] zip = redis.call(r -> r.get(bytesKey("draft:zip")));
    if (info == null || zip == null) {
      return Optional.empty();
    }
    DraftInfo draft = redis.read(info, DraftInfo.class);
    return Optional.of(new ContentDraft(draft.basedOn(), PackArchive.unzip(zip), draft.edits()));
  }

  @Override
  public void saveDraft(ContentDraft draft) {
    byte[] zip = draft.files().zip();
    redis.call(r -> r.set(bytesKey("draft:zip"), zip));
    redis.call(r -> r.set(key("draft:info"), redis.write(new DraftInfo(draft.basedOn(), draft.edits()))));
  }

  @Override
  public void discardDraft() {
    redis.call(r -> r.del(key("draft:info"), key("draft:zip")));
  }

  @Override
  public Optional<Pending> pending() {
    String info = redis.call(r -> r.get(key("pending:info")));
    byte[] zip = redis.call(r -> r.get(bytesKey("pending:zip")));
    if (info == null || zip == null) {
      return Optional.empty();
    }
    return Optional.of(new Pending(redis.read(info, ContentApproval.class), PackArchive.unzip(zip)));
  }

  @Override
  public void savePending(Pending pending) {
    byte[] zip = pending.files().zip();
    redis.call(r -> r.set(bytesKey("pending:zip"), zip));
    redis.call(r -> r.set(key("pending:info"), redis.write(pending.approval())));
  }

  @Override
  public void clearPending() {
    redis.call(r -> r.del(key("pending:info"), key("pending:zip")));
  }
}
