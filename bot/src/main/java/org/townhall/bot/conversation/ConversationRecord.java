package org.townhall.bot.conversation;

import java.time.Instant;
import java.util.Map;
import org.townhall.bot.handoff.HandoffTicket;

/**
 * A conversation as stored. Immutable: change it with the {@code with…} methods and
 * {@link ConversationStore#commit}.
 *
 * @param id opaque id
 * @param channel {@code webchat}, {@code telegram}, …
 * @param channelUserId who the resident is on that channel (for web chat, the conversation id)
 * @param tokenHash SHA-256 of the web chat bearer token, or null for other channels
 * @param state where the conversation is
 * @param owner the member of staff handling it, or null
 * @param version bumped by every commit; the compare-and-set guard
 * @param lastSeq the seq of the last transcript entry (0 when empty)
 * @param createdAt when it started
 * @param updatedAt when it last changed
 * @param handoff the handoff ticket while waiting for or with staff, else null
 * @param idleDeadline when the conversation times out if nobody writes, or null if it never does
 * @param attributes small dialogue context (slots, counters, last intent); never message text
 * @param callBack what the resident left for a reply after they have gone, or null; kept when the
 *     conversation closes, so staff can still call or write back
 */
public record ConversationRecord(
    String id,
    String channel,
    String channelUserId,
    String tokenHash,
    ConversationState state,
    String owner,
    long version,
    long lastSeq,
    Instant createdAt,
    Instant updatedAt,
    HandoffTicket handoff,
    Instant idleDeadline,
    Map<String, String> attributes,
    CallBackRequest callBack) {

  public ConversationRecord {
    attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
  }

  public static ConversationRecord start(
      String id, String channel, String channelUserId, String tokenHash, ConversationState state, Instant now) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, null, 0, 0, now, now, null, null, Map.of(), null);
  }

  public ConversationRecord withState(ConversationState newState) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, newState, owner, version, lastSeq,
        createdAt, updatedAt, handoff, idleDeadline, attributes, callBack);
  }

  public ConversationRecord withOwner(String newOwner) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, newOwner, version, lastSeq,
        createdAt, updatedAt, handoff, idleDeadline, attributes, callBack);
  }

  public ConversationRecord withHandoff(HandoffTicket newHandoff) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, owner, version, lastSeq,
        createdAt, updatedAt, newHandoff, idleDeadline, attributes, callBack);
  }

  public ConversationRecord withIdleDeadline(Instant newIdleDeadline) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, owner, version, lastSeq,
        createdAt, updatedAt, handoff, newIdleDeadline, attributes, callBack);
  }

  public ConversationRecord withAttributes(Map<String, String> newAttributes) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, owner, version, lastSeq,
        createdAt, updatedAt, handoff, idleDeadline, newAttributes, callBack);
  }

  public ConversationRecord withCallBack(CallBackRequest newCallBack) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, owner, version, lastSeq,
        createdAt, updatedAt, handoff, idleDeadline, attributes, newCallBack);
  }

  /** What the store writes: the next version, the new last seq and the commit time. */
  ConversationRecord committed(long newLastSeq, Instant now) {
    return new ConversationRecord(id, channel, channelUserId, tokenHash, state, owner, version + 1, newLastSeq,
        createdAt, now, handoff, idleDeadline, attributes, callBack);
  }
}
