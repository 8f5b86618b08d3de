package org.townhall.bot.conversation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * Who wrote a transcript line. Stored and shown to clients in lower case ({@code resident},
 * {@code bot}, {@code agent}, {@code system}), as transcripts always have been.
 */
public enum Sender {
  /** The resident, on any channel. */
  RESIDENT,
  /** The bot's own replies. */
  BOT,
  /** A member of staff, named in the line's author. */
  AGENT,
  /** What happened to the conversation (handed off, claimed, closed…), shown to both sides. */
  SYSTEM;

  /** The name stored and sent to clients. */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  static Sender fromWireName(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }
}
