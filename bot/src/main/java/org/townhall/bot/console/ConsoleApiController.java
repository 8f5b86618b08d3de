package org.townhall.bot.console;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.StaffOutcome;
import org.townhall.bot.store.ConversationRecord;
import org.townhall.bot.web.ApiException;

/** The console's API: the queue, a conversation's context, and the staff actions. */
@RestController
@RequestMapping("/api/console")
class ConsoleApiController {

  private static final int MAX_REPLY_CHARS = 4000;

  private final Conversations conversations;
  private final AnswerCatalog catalog;
  private final QueueFeed queueFeed;

  ConsoleApiController(Conversations conversations, AnswerCatalog catalog, QueueFeed queueFeed) {
    this.conversations = conversations;
    this.catalog = catalog;
    this.queueFeed = queueFeed;
  }

  @GetMapping("/me")
  ConsoleViews.Me me(Authentication user) {
    List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList();
    return new ConsoleViews.Me(user.getName(), roles);
  }

  @GetMapping("/queue")
  List<ConsoleViews.QueueItem> queue() {
    return queueFeed.snapshot().items();
  }

  /** The queue as Server-Sent Events: a {@code queue} event with the whole list whenever it changes. */
  @GetMapping(path = "/queue/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter queueStream() {
    return queueFeed.open();
  }

  @GetMapping("/conversations/{id}")
  ConsoleViews.ConversationDetail conversation(@PathVariable String id) {
    ConversationRecord c = conversations.find(id).orElseThrow(() -> ApiException.notFound("No such conversation."));
    return ConsoleViews.ConversationDetail.of(c, conversations.transcript(id, 0));
  }

  @PostMapping("/conversations/{id}/claim")
  ResponseEntity<?> claim(@PathVariable String id, Authentication user) {
    return respond(conversations.claim(id, user.getName()));
  }

  @PostMapping("/conversations/{id}/messages")
  ResponseEntity<?> reply(@PathVariable String id, @RequestBody(required = false) ConsoleViews.StaffReply reply,
      Authentication user) {
    if (reply == null || reply.text() == null || reply.text().isBlank()) {
      throw ApiException.badRequest("The reply is empty.");
    }
    if (reply.text().length() > MAX_REPLY_CHARS) {
      throw ApiException.badRequest("The reply is longer than " + MAX_REPLY_CHARS + " characters.");
    }
    return respond(conversations.reply(id, user.getName(), reply.text().strip()));
  }

  @PostMapping("/conversations/{id}/release")
  ResponseEntity<?> release(@PathVariable String id, Authentication user) {
    return respond(conversations.release(id, user.getName()));
  }

  @PostMapping("/conversations/{id}/close")
  ResponseEntity<?> close(@PathVariable String id, Authentication user) {
    return respond(conversations.close(id, user.getName()));
  }

  private ResponseEntity<?> respond(StaffOutcome outcome) {
    return switch (outcome.result()) {
      case DONE -> ResponseEntity.ok(ConsoleViews.ConversationDetail.of(outcome.conversation(),
          conversations.transcript(outcome.conversation().id(), 0)));
      case NOT_FOUND -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", outcome.reason()));
      case CONFLICT -> ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", outcome.reason()));
    };
  }

}
