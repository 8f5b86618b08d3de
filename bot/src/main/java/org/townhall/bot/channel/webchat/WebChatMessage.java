package org.townhall.bot.channel.webchat;

import java.util.List;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.conversation.TranscriptEntry;

/** One transcript line as the web chat API shows it to the resident (no staff-only details). */
record WebChatMessage(long seq, Sender from, String text, List<String> options) {

  static WebChatMessage of(TranscriptEntry entry) {
    return new WebChatMessage(entry.seq(), entry.from(), entry.text(), entry.options());
  }
}
