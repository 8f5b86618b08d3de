package org.townhall.bot.conversation;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The bot's own sentences (not the content pack's answers), from {@code messages.properties}, so
 * they can be reworded or translated without code.
 */
@Component
class Phrases {

  private final MessageSource messages;

  Phrases(MessageSource messages) {
    this.messages = messages;
  }

  String get(String key, Object... args) {
    return messages.getMessage("bot." + key, args, Locale.UK);
  }
}
