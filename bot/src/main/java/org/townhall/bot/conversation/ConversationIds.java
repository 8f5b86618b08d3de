package org.townhall.bot.conversation;

import java.util.regex.Pattern;

/**
 * The form of a conversation id (a random UUID, as {@link Conversations#start} makes them). Checked
 * at every edge before an id from a client reaches the store, so that no client input becomes part of
 * a Redis key name unchecked ({@code conv:<id>:log} must not be reachable as a conversation).
 */
public final class ConversationIds {

  /** A lower-case UUID, as a regular expression (for API descriptions). */
  public static final String PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  private static final Pattern UUID = Pattern.compile(PATTERN);

  private ConversationIds() {}

  /** Whether the text can be a conversation's id. */
  public static boolean wellFormed(String id) {
    return id != null && id.length() == 36 && UUID.matcher(id).matches();
  }
}
