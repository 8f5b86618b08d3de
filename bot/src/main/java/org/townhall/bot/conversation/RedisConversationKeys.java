package org.townhall.bot.conversation;

import org.townhall.bot.store.RedisAccess;
import org.townhall.bot.store.Sha256;

/**
 * The conversation feature's key names in Redis, under the store's prefix (listed in
 * {@link RedisConversationStore}). Ids reach these names only after {@link ConversationIds} checked
 * them at the edge, and a reference's digits after {@link ConversationReferences} did.
 */
record RedisConversationKeys(RedisAccess redis) {

  String conversation(String id) {
    return redis.key("conv:" + id);
  }

  String transcript(String id) {
    return redis.key("conv:" + id + ":log");
  }

  String words(String id) {
    return redis.key("conv:" + id + ":words");
  }

  String handoff() {
    return redis.key("handoff");
  }

  String idle() {
    return redis.key("idle");
  }

  String callBacks() {
    return redis.key("callbacks");
  }

  /** Marks that the resident's chat page asked for the conversation lately (it expires). */
  String residentSeen(String id) {
    return redis.key("seen:" + id);
  }

  String search() {
    return redis.key("search");
  }

  /** The ids sharing a reference: those starting with these eight hex digits ({@code ref:1a2b3c4d}). */
  String reference(String idStart) {
    return redis.key("ref:" + idStart.substring(0, Math.min(8, idStart.length())));
  }

  /** A resident's conversations on a channel; the user id is hashed so keys never show it. */
  String resident(String channel, String channelUserId) {
    return redis.key("resident:" + channel + ":" + Sha256.hex(channelUserId));
  }

  String delivery(String key) {
    return redis.key("delivery:" + key);
  }
}
