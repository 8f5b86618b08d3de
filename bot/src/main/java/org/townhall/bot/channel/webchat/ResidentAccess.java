package org.townhall.bot.channel.webchat;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.web.ApiException;

/**
 * Which web chat conversation a call is for: a well-formed id, a conversation of this channel, and
 * its own bearer token. Every call that passes is also the resident's page showing it is still open,
 * which is how the conversation knows when the resident has gone.
 */
@Component
class ResidentAccess {

  private final Conversations conversations;

  ResidentAccess(Conversations conversations) {
    this.conversations = conversations;
  }

  /**
   * The conversation, if the token is its own.
   *
   * @throws ApiException 404 for an unknown id (or one that cannot be an id), 401 without a token,
   *     403 with another conversation's
   */
  ConversationRecord authorise(String id, String authorization) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such conversation.");
    }
    ConversationRecord conversation = conversations.find(id)
        .filter(c -> WebChatController.CHANNEL.equals(c.channel()))
        .orElseThrow(() -> ApiException.notFound("No such conversation."));
    // The scheme name is case-insensitive (RFC 9110).
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw new ApiException(HttpStatus.UNAUTHORIZED, "Send the conversation's token as 'Authorization: Bearer <token>'.");
    }
    if (!WebChatTokens.matches(authorization.substring("Bearer ".length()).trim(), conversation.tokenHash())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "This token does not belong to this conversation.");
    }
    conversations.residentSeen(id);
    return conversation;
  }
}
