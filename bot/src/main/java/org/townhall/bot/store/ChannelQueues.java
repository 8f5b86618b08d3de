package org.townhall.bot.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Durable work queues for messaging channels: what came in from a channel and is not yet processed,
 * and what must go out and is not yet delivered. Each queue is split into lanes (one per chat), so
 * that one chat's items are handled one at a time and in order, while different chats go in
 * parallel; a lane can be paced (about one message per second per chat) and held back (Telegram's
 * 429 {@code retry_after}) without holding back the others.
 *
 * <p>A claim is a lease: the claimed lane is hidden until the lease ends, and if the claimer dies
 * before {@link #complete} or {@link #retry}, the same head is claimed again. Items are therefore
 * handled at least once; channels make handling idempotent (the conversation's delivery marks).
 * Implementations are thread-safe and, for Redis, shared by every bot instance.
 */
public interface ChannelQueues {

  /**
   * A lane's head item, claimed.
   *
   * @param lane the lane (e.g. a chat id)
   * @param item the item as appended
   * @param attempts how many times it was handed back with {@link #retry} before
   */
  record Claimed(String lane, String item, int attempts) {}

  /**
   * Appends {@code item} to the tail of {@code lane}, unless {@code dedupeKey} (when not null) was
   * already seen within {@code dedupeTtl}: an update delivered twice is queued once. An idle lane
   * becomes due at {@code due}; a busy or paced one keeps its time.
   *
   * @return false for a duplicate (nothing appended)
   */
  boolean append(String queue, String lane, String item, String dedupeKey, Duration dedupeTtl, Instant due);

  /** Claims the head of the lane due first (due at or before {@code now}), hiding that lane for {@code lease}. */
  Optional<Claimed> claim(String queue, Instant now, Duration lease);

  /** The claimed head is done: it is removed, and the lane's next item is due at {@code nextDue}. */
  void complete(String queue, String lane, Instant nextDue);

  /** The claimed head must wait: it stays at the head and is due again at {@code due}, one attempt more. */
  void retry(String queue, String lane, Instant due);

  /** Drops every item of a lane (e.g. the recipient blocked the bot); returns how many there were. */
  long discard(String queue, String lane);

  /**
   * Forgets the dedupe keys of {@code queue} starting with {@code keyPrefix} (letters, digits and
   * {@code : _ -} only), e.g. a conversation's or a chat's, when their data is erased: an item with
   * such a key could be queued again afterwards, which a deleted conversation never asks for.
   */
  void forgetSeen(String queue, String keyPrefix);

  /** Items waiting in every lane of a queue. */
  long size(String queue);
}
