package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A line for the resident, as every channel delivers it: the channel-neutral model that web chat,
 * Telegram and later channels share.
 *
 * @param conversationId the conversation it belongs to
 * @param seq its place in the transcript (stable: a channel can use it to deliver once)
 * @param sender who says it: the bot, a member of staff (channels mark the line as theirs) or the
 *     service itself ("Sam from the council has joined"); never the resident
 * @param author for staff lines, the member of staff's name; otherwise null
 * @param text what is said
 * @param quickReplies choices offered with it, in order (possibly empty)
 * @param links the web addresses in the text, in order, for channels that show them as buttons
 */
public record OutboundMessage(String conversationId, long seq, Sender sender, String author, String text,
    List<String> quickReplies, List<String> links) {

  private static final Pattern LINK = Pattern.compile("https?://[^\\s<>\"]+");

  public OutboundMessage {
    quickReplies = List.copyOf(quickReplies);
    links = List.copyOf(links);
  }

  /** The resident-facing form of a transcript line; empty for the resident's own lines and staff notes. */
  public static Optional<OutboundMessage> of(String conversationId, TranscriptEntry entry) {
    if (entry.from() == Sender.RESIDENT) {
      return Optional.empty();
    }
    return Optional.of(new OutboundMessage(conversationId, entry.seq(), entry.from(), entry.author(), entry.text(),
        entry.options(), links(entry.text())));
  }

  static List<String> links(String text) {
    List<String> found = new ArrayList<>();
    Matcher m = LINK.matcher(text == null ? "" : text);
    while (m.find()) {
      // A sentence's full stop or closing bracket is not part of the address.
      found.add(m.group().replaceAll("[.,;:!?)\\]]+$", ""));
    }
    return found;
  }
}
