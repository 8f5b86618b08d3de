package org.townhall.bot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;
import org.townhall.bot.channel.LaneWorkers;
import org.townhall.bot.channel.LaneWorkers.Outcome;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.ContactDetails;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.ResidentMessages;
import org.townhall.bot.conversation.ResidentMessages.ResidentConversation;
import org.townhall.bot.conversation.InboundMessage;
import org.townhall.bot.conversation.InboundMessage.Kind;
import org.townhall.bot.metrics.StepTimer;
import org.townhall.bot.limits.Limit;
import org.townhall.bot.limits.RateLimits;
import org.townhall.bot.store.ChannelQueues.Claimed;
import org.townhall.bot.store.StoreUnavailableException;
import org.townhall.bot.conversation.TranscriptEntry;

/**
 * Processes recorded Telegram updates, one chat at a time and in order: translates each into the
 * channel-neutral {@link InboundMessage} for the chat's conversation. Commands map to the
 * conversation's own ({@code /start}, {@code /restart}, {@code /human}, {@code /help}, {@code /forget}); a tapped
 * quick reply becomes its label; an edit is a correction; anything but text gets an explanation
 * from the conversation; group chats are declined. Every callback query is answered.
 */
class TelegramUpdates implements LaneWorkers.Handler {

  static final String CHANNEL = "telegram";

  private static final Logger log = LoggerFactory.getLogger(TelegramUpdates.class);
  private static final Duration STORE_DOWN_RETRY = Duration.ofSeconds(1);
  private static final int CATCH_UP_LINES = 20;
  private static final Duration CATCH_UP_WINDOW = Duration.ofMinutes(10);
  /**
   * Sent once a minute at most to a chat over its message limit: the messages it sent meanwhile were
   * not read, and the resident is asked to send them again (nothing is dropped without a word).
   */
  static final String SLOW_DOWN = "You're sending messages very quickly, so I haven't read your last message. "
      + "Please wait a minute, then send it again.";
  /** What /callback needs, said when it comes without a number. */
  static final String CALL_BACK_HOW = "To be called back, send /callback and your UK phone number, for example "
      + "/callback 07700 900123. A short message can follow the number.";
  static final String CALL_BACK_NOT_NOW = "You can leave a number for a call-back while you wait for, or talk to, "
      + "a member of staff. To talk to a person, send /human.";
  static final String GROUP_DECLINED = "Thank you for adding me, but I only talk with residents one to one, so "
      + "that nobody else sees their questions. Please message me directly.";

  private final TelegramInbox inbox;
  private final TelegramOutbox outbox;
  private final Conversations conversations;
  private final ResidentMessages residents;
  private final TelegramClient client;
  private final PerSecondLimit overall;
  private final Clock clock;
  private final TelegramProperties settings;
  private final StepTimer steps;
  private final RateLimits limits;
  private final CallBacks callBacks;

  TelegramUpdates(TelegramInbox inbox, TelegramOutbox outbox, Conversations conversations,
      ResidentMessages residents, TelegramClient client, PerSecondLimit overall, Clock clock,
      TelegramProperties settings, StepTimer steps, RateLimits limits, CallBacks callBacks) {
    this.callBacks = callBacks;
    this.residents = residents;
    this.steps = steps;
    this.limits = limits;
    this.inbox = inbox;
    this.outbox = outbox;
    this.conversations = conversations;
    this.client = client;
    this.overall = overall;
    this.clock = clock;
    this.settings = settings;
  }

  @Override
  public Outcome handle(Claimed claimed) {
    try {
      process(inbox.read(claimed.item()));
      return new Outcome.Done(clock.instant());
    } catch (StoreUnavailableException e) {
      return new Outcome.Retry(clock.instant().plus(STORE_DOWN_RETRY));
    } catch (RuntimeException e) {
      // A bug or a malformed update: never let one update block its chat for ever.
      int attempt = claimed.attempts() + 1;
      if (attempt >= settings.maxAttempts()) {
        log.error("Dropping a Telegram update after {} attempts", attempt, e);
        return new Outcome.Done(clock.instant());
      }
      log.warn("Could not process a Telegram update (attempt {}): {}", attempt, e.toString());
      return new Outcome.Retry(clock.instant().plus(settings.retryBackoff()));
    }
  }

  void process(Update update) {
    if (update.hasCallbackQuery()) {
      tapped(update.getCallbackQuery());
      return;
    }
    boolean edited = !update.hasMessage() && update.hasEditedMessage();
    Message message = edited ? update.getEditedMessage() : update.getMessage();
    if (message == null) {
      return;
    }
    String chatId = message.getChatId().toString();
    if (!Boolean.TRUE.equals(message.getChat().isUserChat())) {
      declineGroup(chatId);
      return;
    }
    if (overLimit(chatId)) {
      return;
    }
    ResidentConversation resident = residents.forResident(CHANNEL, chatId);
    String conversationId = resident.conversation().id();
    if (!edited && message.hasText() && "/callback".equals(command(clean(message.getText())))) {
      // A number for a call-back is kept with the conversation, never put in its transcript.
      leaveNumber(conversationId, chatId, message.getMessageId(), clean(message.getText()));
      catchUp(conversationId);
      return;
    }
    InboundMessage inbound = edited ? edit(message, conversationId, chatId) : inbound(message, conversationId, chatId);
    // A new resident's /start is answered by the welcome the new conversation just sent.
    if (inbound != null && !(resident.started() && "/start".equals(inbound.text()))) {
      steps.time(CHANNEL, () -> residents.receive(inbound));
    }
    catchUp(conversationId);
  }

  /**
   * {@code /callback 07700 900123 best after 5pm}: the number (as many words as make a UK number) and
   * an optional message after it. A mistake is answered here; what was left is confirmed by the
   * conversation's own line.
   */
  private void leaveNumber(String conversationId, String chatId, Integer messageId, String text) {
    String[] words = text.split("\\s+");
    String refusal = words.length < 2 ? CALL_BACK_HOW : null;
    ContactDetails details = null;
    // The longest run of words after the command that is a UK number; the rest is the message.
    for (int count = Math.min(words.length - 1, 6); count >= 1 && details == null && refusal == null; count--) {
      String number = String.join(" ", java.util.Arrays.copyOfRange(words, 1, 1 + count));
      String rest = String.join(" ", java.util.Arrays.copyOfRange(words, 1 + count, words.length));
      try {
        details = ContactDetails.of(null, number, rest);
      } catch (ContactDetails.Invalid e) {
        if (count == 1 || "message".equals(e.field())) {
          refusal = e.getMessage();
        }
      }
    }
    if (details != null && callBacks.leave(conversationId, details).isEmpty()) {
      refusal = CALL_BACK_NOT_NOW;
    }
    if (refusal != null) {
      outbox.queue(new OutgoingMessage(conversationId, chatId, refusal, List.of()), "callback:" + chatId + ":" + messageId);
    }
  }

  /** Sends what a commit left unqueued (see {@link TelegramOutbox#catchUp}). */
  private void catchUp(String conversationId) {
    conversations.find(conversationId).ifPresent(c -> outbox.catchUp(c,
        conversations.transcript(conversationId, Math.max(0, c.lastSeq() - CATCH_UP_LINES)), CATCH_UP_WINDOW));
  }

  private static InboundMessage edit(Message message, String conversationId, String chatId) {
    String text = message.hasText() ? message.getText() : message.getCaption();
    if (text == null || clean(text).isEmpty()) {
      return null;
    }
    // Each edit has its own edit_date: the same edit delivered twice is handled once, a second edit again.
    String id = "edit:" + message.getMessageId() + ":" + message.getEditDate();
    return InboundMessage.of(Kind.EDIT, conversationId, CHANNEL, chatId, id, clean(text));
  }

  private static InboundMessage inbound(Message message, String conversationId, String chatId) {
    String id = "m:" + message.getMessageId();
    if (message.hasText() && !clean(message.getText()).isEmpty()) {
      String text = clean(message.getText());
      if (text.startsWith("/")) {
        String command = command(text);
        return "/help".equals(command)
            ? InboundMessage.of(Kind.HELP, conversationId, CHANNEL, chatId, id, null)
            : InboundMessage.text(conversationId, CHANNEL, chatId, id, known(command) ? command : text);
      }
      return InboundMessage.text(conversationId, CHANNEL, chatId, id, text);
    }
    String caption = message.getCaption() == null ? null : clean(message.getCaption());
    return InboundMessage.of(kindOf(message), conversationId, CHANNEL, chatId, id, caption);
  }

  private static Kind kindOf(Message message) {
    if (message.hasPhoto()) {
      return Kind.PHOTO;
    }
    if (message.hasSticker()) {
      return Kind.STICKER;
    }
    if (message.hasVoice() || message.hasAudio() || message.hasVideoNote()) {
      return Kind.VOICE;
    }
    if (message.hasLocation() || message.getVenue() != null) {
      return Kind.LOCATION;
    }
    if (message.hasContact()) {
      return Kind.CONTACT;
    }
    return Kind.OTHER;
  }

  /** "/Start@TownhallBot payload" is "/start". */
  private static String command(String text) {
    String first = text.split("\\s+", 2)[0];
    int at = first.indexOf('@');
    return (at < 0 ? first : first.substring(0, at)).toLowerCase(Locale.ROOT);
  }

  private static boolean known(String command) {
    return List.of("/start", "/restart", "/human", "/stop", "/forget").contains(command);
  }

  /** Control characters (other than line breaks and tabs) are noise, never meaning. */
  private static String clean(String text) {
    return text.replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
  }

  private void tapped(CallbackQuery query) {
    // Telegram shows a spinner on the button until the query is answered: answer every one, first.
    bestEffort(() -> client.execute(AnswerCallbackQuery.builder().callbackQueryId(query.getId()).build()));
    MaybeInaccessibleMessage source = query.getMessage();
    Long chat = source != null && source.getChatId() != null ? source.getChatId()
        : query.getFrom() == null ? null : query.getFrom().getId();
    if (chat == null || source != null && source.getChat() != null
        && !Boolean.TRUE.equals(source.getChat().isUserChat())) {
      return;
    }
    String chatId = chat.toString();
    if (overLimit(chatId)) {
      return;
    }
    ResidentConversation resident = residents.forResident(CHANNEL, chatId);
    String label = label(resident.conversation().id(), query.getData());
    if (label == null) {
      return;
    }
    if (source != null && source.getMessageId() != null) {
      // The choice is made: take the buttons away so an old keyboard cannot be tapped again later.
      bestEffort(() -> client.execute(EditMessageReplyMarkup.builder().chatId(chatId)
          .messageId(source.getMessageId()).build()));
    }
    InboundMessage tap = InboundMessage.quickReply(resident.conversation().id(), CHANNEL, chatId,
        "cb:" + query.getId(), label);
    steps.time(CHANNEL, () -> residents.receive(tap));
    catchUp(resident.conversation().id());
  }

  /** The label of quick reply {@code <seq>:<index>}, or null if there is no such choice. */
  private String label(String conversationId, String data) {
    if (data == null || !data.matches("\\d{1,9}:\\d{1,3}")) {
      return null;
    }
    String[] parts = data.split(":");
    long seq = Long.parseLong(parts[0]);
    int index = Integer.parseInt(parts[1]);
    List<TranscriptEntry> lines = conversations.transcript(conversationId, seq - 1);
    if (lines.isEmpty() || lines.get(0).seq() != seq || index >= lines.get(0).options().size()) {
      return null;
    }
    return lines.get(0).options().get(index);
  }

  /**
   * Takes one from the chat's message limit. Over it, the update is acknowledged (it is already
   * recorded) but not processed, and the resident is told once a minute to wait and send it again.
   */
  private boolean overLimit(String chatId) {
    if (limits.take(Limit.TELEGRAM_MESSAGES, chatId).allowed()) {
      return false;
    }
    log.info("A Telegram chat is over its message limit: an update was not processed");
    if (limits.take(Limit.TELEGRAM_SLOW_DOWN_NOTICES, chatId).allowed()) {
      outbox.queue(new OutgoingMessage(null, chatId, SLOW_DOWN, List.of()), "slow:" + chatId + ":" + clock.millis());
    }
    return true;
  }

  private void declineGroup(String chatId) {
    // Once a day per group at most, however many messages the group sends.
    outbox.queue(new OutgoingMessage(null, chatId, GROUP_DECLINED, List.of()), "group:" + chatId);
  }

  private interface TelegramCall {
    void run() throws TelegramApiException;
  }

  private void bestEffort(TelegramCall call) {
    overall.acquire();
    try {
      call.run();
    } catch (TelegramApiException e) {
      log.debug("Telegram call failed; not needed for the conversation: {}", e.toString());
    }
  }
}
