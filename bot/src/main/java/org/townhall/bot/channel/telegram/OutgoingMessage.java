package org.townhall.bot.channel.telegram;

import java.util.List;

/**
 * One {@code sendMessage} waiting in the outbound queue, as stored there (JSON).
 *
 * @param conversationId the conversation it belongs to, or null (e.g. declining a group chat)
 * @param chatId the Telegram chat
 * @param text at most 4096 characters
 * @param buttons quick replies, one per row, or empty
 */
record OutgoingMessage(String conversationId, String chatId, String text, List<Button> buttons) {

  /**
   * An inline keyboard button.
   *
   * @param label what the resident sees
   * @param data what comes back in the callback query (at most 64 bytes): {@code <seq>:<index>}
   */
  record Button(String label, String data) {}

  OutgoingMessage {
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }
}
