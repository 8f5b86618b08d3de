package org.townhall.bot.conversation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A place in the order search walks conversations in: by last change, newest first, then by id
 * (descending). A page of results ends at one, and the next page starts after it; a conversation that
 * changes meanwhile moves to the top, so a later page neither repeats nor loses the others.
 *
 * @param changedAt the conversation's last change, in milliseconds since 1970 (as the store keeps it)
 * @param conversationId its id
 */
public record SearchCursor(long changedAt, String conversationId) {

  private static final Pattern FORM = Pattern.compile("([0-9]{1,15})_(" + ConversationIds.PATTERN + ")");

  /** The cursor as clients pass it back: {@code <changedAt>_<id>}. */
  @Override
  public String toString() {
    return changedAt + "_" + conversationId;
  }

  /** A cursor a client passed back, if it is one (the id is checked like any conversation id). */
  public static Optional<SearchCursor> parse(String text) {
    Matcher m = text == null ? null : FORM.matcher(text);
    return m != null && m.matches()
        ? Optional.of(new SearchCursor(Long.parseLong(m.group(1)), m.group(2))) : Optional.empty();
  }

  /** Whether a conversation at ({@code changedAt}, {@code id}) comes after this place in the order. */
  boolean before(long otherChangedAt, String otherId) {
    return otherChangedAt < changedAt || otherChangedAt == changedAt && otherId.compareTo(conversationId) < 0;
  }
}
