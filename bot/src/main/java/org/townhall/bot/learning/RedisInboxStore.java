package org.townhall.bot.learning;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.townhall.bot.store.RedisAccess;
import redis.clients.jedis.params.SetParams;

/**
 * The inbox in Redis, shared by every instance. Each item is its own key ({@code
 * learning:item:<conversation>:<seq>}, server-made names only) expiring after the retention period,
 * listed in a sorted set by when it last came up; decisions are fields of one hash, by group key
 * (never a key name: the group key comes from residents' words).
 */
final class RedisInboxStore implements InboxStore {

  private final RedisAccess redis;
  private final Clock clock;
  private final Duration retention;
  private final Duration decisionsKept;
  private final int maxItems;

  RedisInboxStore(RedisAccess redis, Clock clock, LearningProperties settings) {
    this.redis = redis;
    this.clock = clock;
    this.retention = settings.retention();
    this.decisionsKept = settings.decisionsKept();
    this.maxItems = settings.maxItems();
  }

  @Override
  public Optional<InboxItem> find(String id) {
    return Optional.ofNullable(redis.call(r -> r.get(itemKey(id)))).map(json -> redis.read(json, InboxItem.class));
  }

  @Override
  public void put(InboxItem item) {
    long now = clock.millis();
    redis.call(r -> {
      r.set(itemKey(item.id()), redis.write(item), SetParams.setParams().px(retention.toMillis()));
      r.zadd(index(), now, item.id());
      r.zremrangeByScore(index(), Double.NEGATIVE_INFINITY, now - retention.toMillis());
      long over = r.zcard(index()) - maxItems;
      if (over > 0) {
        for (String old : r.zrange(index(), 0, over - 1)) {
          r.del(itemKey(old));
        }
        r.zremrangeByRank(index(), 0, over - 1);
      }
      return null;
    });
  }

  @Override
  public List<InboxItem> all() {
    List<String> ids = redis.call(r -> r.zrange(index(), 0, -1));
    if (ids.isEmpty()) {
      return List.of();
    }
    List<String> stored = redis.call(r -> r.mget(ids.stream().map(this::itemKey).toArray(String[]::new)));
    List<InboxItem> items = new ArrayList<>();
    for (String json : stored) {
      if (json != null) {
        items.add(redis.read(json, InboxItem.class));
      }
    }
    return items;
  }

  @Override
  public List<String> ids() {
    return redis.call(r -> r.zrange(index(), 0, -1));
  }

  @Override
  public void remove(Collection<String> ids) {
    redis.call(r -> {
      for (String id : ids) {
        r.del(itemKey(id));
        r.zrem(index(), id);
      }
      return null;
    });
  }

  @Override
  public Optional<InboxDecision> decision(String groupKey) {
    return Optional.ofNullable(redis.call(r -> r.hget(decisions(), groupKey)))
        .map(json -> redis.read(json, InboxDecision.class))
        .filter(d -> d.at().plus(decisionsKept).isAfter(clock.instant()));
  }

  @Override
  public void putDecision(InboxDecision decision) {
    redis.call(r -> r.hset(decisions(), decision.groupKey(), redis.write(decision)));
  }

  private String itemKey(String id) {
    if (!Inbox.isItemId(id)) {
      throw new IllegalArgumentException("not an inbox item id");
    }
    return redis.key("learning:item:" + id);
  }

  private String index() {
    return redis.key("learning:items");
  }

  private String decisions() {
    return redis.key("learning:decisions");
  }
}
