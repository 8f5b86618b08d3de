package org.townhall.bot.conversation;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A conversation's reference, as residents and staff say it: {@code TH-} and the first eight hex
 * digits of its id in capitals ({@code TH-1A2B3C4D}). Residents are given it with a call-back offer and
 * when they leave details for a reply ({@link CallBackRequest#reference}); staff find a conversation by
 * it, in search and the call-back list. Made here only, from the id, so every conversation has one and
 * nothing extra is stored; 32 bits of a random id, so two conversations can share one (a search lists both).
 */
public final class ConversationReferences {

  private static final Pattern REFERENCE = Pattern.compile("TH-[0-9A-F]{8}");
  private static final int DIGITS = 8;

  private ConversationReferences() {}

  /** The reference of the conversation with this id. */
  public static String of(String conversationId) {
    String compact = conversationId.replace("-", "").toUpperCase(Locale.ROOT);
    return "TH-" + compact.substring(0, Math.min(DIGITS, compact.length()));
  }

  /**
   * The start that the ids of conversations with this reference share (lower-case hex), if the text is
   * a reference; case and surrounding spaces do not matter ({@code " th-1a2b3c4d"}).
   */
  public static Optional<String> idStart(String reference) {
    if (reference == null) {
      return Optional.empty();
    }
    String normal = reference.strip().toUpperCase(Locale.ROOT);
    return REFERENCE.matcher(normal).matches()
        ? Optional.of(normal.substring(3).toLowerCase(Locale.ROOT)) : Optional.empty();
  }
}
