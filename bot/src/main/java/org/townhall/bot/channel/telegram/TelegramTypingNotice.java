package org.townhall.bot.channel.telegram;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.telegram.telegrambots.meta.api.methods.ActionType;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.townhall.bot.conversation.StaffTyping;

/**
 * Shows a Telegram resident "typing…" while a member of staff writes a reply. Best effort and off
 * the console's request thread: a notice is worth nothing late, so when Telegram is slow notices
 * are dropped, never queued up or retried (replies themselves go through the durable queue).
 */
class TelegramTypingNotice implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(TelegramTypingNotice.class);

  private final TelegramClient client;
  private final ThreadPoolExecutor sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
      new ArrayBlockingQueue<>(16), r -> {
        Thread thread = new Thread(r, "telegram-typing");
        thread.setDaemon(true);
        return thread;
      }, new ThreadPoolExecutor.DiscardPolicy());

  TelegramTypingNotice(TelegramClient client) {
    this.client = client;
  }

  @EventListener
  void on(StaffTyping typing) {
    if (!TelegramUpdates.CHANNEL.equals(typing.conversation().channel())) {
      return;
    }
    String chatId = typing.conversation().channelUserId();
    sender.execute(() -> {
      try {
        client.execute(SendChatAction.builder().chatId(chatId).action(ActionType.TYPING.toString()).build());
      } catch (TelegramApiException e) {
        log.debug("Telegram did not take a typing notice: {}", e.getMessage());
      }
    });
  }

  @Override
  public void destroy() {
    sender.shutdownNow();
  }
}
