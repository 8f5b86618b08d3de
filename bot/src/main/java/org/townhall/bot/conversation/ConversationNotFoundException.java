package org.townhall.bot.conversation;

/** The conversation does not exist, or has expired under the retention period. */
public class ConversationNotFoundException extends RuntimeException {

  public ConversationNotFoundException(String id) {
    super("No conversation " + id);
  }
}
