package org.townhall.bot.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** A resident using the public web chat API. */
public class WebChatClient extends Http {

  public String conversationId;
  public String token;

  public WebChatClient(int port) {
    super(port);
  }

  public Reply start() {
    Reply reply = send(request("/api/webchat/conversations").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
    conversationId = reply.json().path("conversationId").asText();
    token = reply.json().path("token").asText();
    return reply;
  }

  public Reply say(String text) {
    return send(request("/api/webchat/conversations/" + conversationId + "/messages")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(json(Map.of("text", text))));
  }

  /** Sends a message with the given {@code clientMessageId}, as a client retrying after a network error does. */
  public Reply say(String text, String clientMessageId) {
    return send(request("/api/webchat/conversations/" + conversationId + "/messages")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(json(Map.of("text", text, "clientMessageId", clientMessageId))));
  }

  /** The same resident and conversation, talking to another bot instance (e.g. behind a load balancer). */
  public WebChatClient via(int otherPort) {
    WebChatClient other = new WebChatClient(otherPort);
    other.conversationId = conversationId;
    other.token = token;
    return other;
  }

  /** Leaves details for a reply after the resident has gone ({@code email}, {@code phone}, {@code message}). */
  public Reply leaveContact(Map<String, String> details) {
    return send(request("/api/webchat/conversations/" + conversationId + "/call-back")
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(json(details)));
  }

  public Reply messages(long after) {
    return send(request("/api/webchat/conversations/" + conversationId + "/messages?after=" + after)
        .header("Authorization", "Bearer " + token)
        .GET());
  }

  public String state() {
    return messages(0).json().path("state").asText();
  }

  /** The text of the last line written by {@code from}, or null. */
  public String last(String from) {
    String text = null;
    for (JsonNode line : messages(0).json().path("messages")) {
      if (from.equals(line.path("from").asText())) {
        text = line.path("text").asText();
      }
    }
    return text;
  }
}
