package org.townhall.bot.channel.telegram;

import java.util.ArrayList;
import java.util.List;

/** Telegram's text limits: a message holds at most 4096 characters (UTF-16 units, as Java counts). */
final class TelegramText {

  static final int MAX_LENGTH = 4096;

  private TelegramText() {}

  /**
   * Splits a long text into messages of at most {@code max} characters, preferring to break between
   * paragraphs, then lines, then sentences, then words, and only as a last resort inside a word
   * (never inside a surrogate pair, so an emoji is never cut in half).
   */
  static List<String> split(String text, int max) {
    List<String> parts = new ArrayList<>();
    String rest = text.strip();
    while (rest.length() > max) {
      int cut = breakBefore(rest, max);
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isEmpty() || parts.isEmpty()) {
      parts.add(rest);
    }
    return parts;
  }

  private static int breakBefore(String text, int max) {
    String window = text.substring(0, max + 1);
    int at = window.lastIndexOf("\n\n");
    if (at > max / 2) {
      return at;
    }
    at = window.lastIndexOf('\n');
    if (at > max / 2) {
      return at;
    }
    at = lastSentenceEnd(window);
    if (at > max / 2) {
      return at;
    }
    at = window.lastIndexOf(' ');
    if (at > 0) {
      return at;
    }
    return Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
  }

  /** The index just after the last ". ", "! " or "? " in the window (the space starts the next part). */
  private static int lastSentenceEnd(String window) {
    for (int i = window.length() - 2; i > 0; i--) {
      char c = window.charAt(i);
      if ((c == '.' || c == '!' || c == '?') && Character.isWhitespace(window.charAt(i + 1))) {
        return i + 1;
      }
    }
    return -1;
  }
}
