package org.townhall.bot.handoff;

import java.util.List;

/**
 * The conversations holding a handoff ticket, as the wait estimates need them. The conversation
 * feature keeps the queue and provides this; handoff reads it without depending on conversations.
 */
public interface HandoffQueue {

  /**
   * One place in the queue.
   *
   * @param conversationId the conversation
   * @param owner the member of staff who has it, or null while it waits
   * @param ticket why and since when it waits
   */
  record Place(String conversationId, String owner, HandoffTicket ticket) {}

  /** Urgent first, then longest waiting. */
  List<Place> places();
}
