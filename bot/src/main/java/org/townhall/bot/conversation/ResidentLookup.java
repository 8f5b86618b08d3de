package org.townhall.bot.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Finds one resident, for subject access and erasure by an administrator: from a conversation id, a
 * reference ({@code TH-1A2B3C4D}, as residents quote it) or a Telegram chat id. A resident is who
 * writes on one channel as one user: a web chat conversation is its own resident; a Telegram chat has
 * all its conversations. Every input is checked here before it comes near a store key.
 */
@Service
public class ResidentLookup {

  /** A Telegram chat id: a signed 64-bit number. */
  private static final Pattern TELEGRAM_CHAT = Pattern.compile("-?[0-9]{1,19}");

  private final ConversationStore store;
  private final SearchIndex index;

  ResidentLookup(ConversationStore store, SearchIndex index) {
    this.store = store;
    this.index = index;
  }

  /**
   * One resident: who they are on their channel.
   *
   * @param channel {@code webchat}, {@code telegram}
   * @param channelUserId their id there (for web chat, the conversation id)
   */
  public record Resident(String channel, String channelUserId) {}

  /** Thrown for input that cannot be what it claims to be; its message says why, for the caller. */
  public static final class NotAnId extends IllegalArgumentException {
    NotAnId(String message) {
      super(message);
    }
  }

  /** The resident of a conversation, if it is kept. */
  public Optional<Resident> byConversation(String conversationId) {
    if (!ConversationIds.wellFormed(conversationId)) {
      throw new NotAnId("conversation must be a conversation id, e.g. 3f2b8c1e-7a4d-4e2b-9c1a-5d6e7f8a9b0c");
    }
    return store.find(conversationId).map(c -> new Resident(c.channel(), c.channelUserId()));
  }

  /** The residents of the conversations with a reference (almost always one; 32 bits can collide). */
  public List<Resident> byReference(String reference) {
    String idStart = ConversationReferences.idStart(reference)
        .orElseThrow(() -> new NotAnId("reference must be like TH-1A2B3C4D"));
    Set<Resident> found = new LinkedHashSet<>();
    for (ConversationRecord c : store.findAll(index.startingWith(idStart))) {
      found.add(new Resident(c.channel(), c.channelUserId()));
    }
    return new ArrayList<>(found);
  }

  /** A Telegram chat as a resident, if any of its conversations is kept. */
  public Optional<Resident> byTelegramChat(String chatId) {
    if (chatId == null || !TELEGRAM_CHAT.matcher(chatId).matches()) {
      throw new NotAnId("telegram must be a chat id: a whole number, e.g. 123456789");
    }
    String normal;
    try {
      normal = Long.toString(Long.parseLong(chatId));
    } catch (NumberFormatException e) {
      throw new NotAnId("telegram must be a chat id: a whole number, e.g. 123456789");
    }
    return store.conversationsOf("telegram", normal, 1).isEmpty() ? Optional.empty()
        : Optional.of(new Resident("telegram", normal));
  }

  /** The resident's conversations kept now, newest first. */
  public List<ConversationRecord> conversationsOf(Resident resident) {
    return store.findAll(store.conversationsOf(resident.channel(), resident.channelUserId(),
        Erasure.MOST_CONVERSATIONS));
  }
}
