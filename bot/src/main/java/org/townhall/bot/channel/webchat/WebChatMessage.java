package org.townhall.bot.channel.webchat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.townhall.bot.conversation.Sender;
import org.townhall.bot.conversation.TranscriptEntry;

/** One transcript line as the web chat API shows it to the resident (no staff-only details). */
record WebChatMessage(
    @Schema(requiredMode = REQUIRED, description = "1 for the welcome, then one more per line") long seq,
    @Schema(requiredMode = REQUIRED, allowableValues = {"resident", "bot", "agent", "system"}) Sender from,
    @Schema(requiredMode = REQUIRED) String text,
    @Schema(requiredMode = REQUIRED, description = "Quick replies (possibly none): send one's text as the next "
        + "message") List<String> options,
    @Schema(description = "Only on a member of staff's lines: how they are named, e.g. \"Sam, Council tax team\"")
    String author) {

  static WebChatMessage of(TranscriptEntry entry) {
    return new WebChatMessage(entry.seq(), entry.from(), entry.text(), entry.options(),
        entry.from() == Sender.AGENT ? entry.author() : null);
  }
}
