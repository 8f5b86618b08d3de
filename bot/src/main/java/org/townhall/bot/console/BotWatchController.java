package org.townhall.bot.console;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.HandlingHistory;
import org.townhall.bot.conversation.StaffActions;
import org.townhall.bot.conversation.StaffOutcome;
import org.townhall.bot.security.Roles;
import org.townhall.bot.web.ApiError;
import org.townhall.bot.web.ApiException;

/**
 * A supervisor (SUPERVISOR or ADMIN) watches conversations the bot has now: the list, and one
 * conversation's transcript as it grows, read-only. Watching changes nothing and the resident is not
 * told; it is audited ({@code watch}). From there the supervisor can take the conversation over, with
 * the same rules as a claim (available, under the per-person limit); the resident is then told who joined.
 */
@RestController
@RequestMapping("/api/console/supervisor")
class BotWatchController {

  /** The most conversations the list shows, the latest active first. */
  static final int LISTED = 50;

  private final Conversations conversations;
  private final StaffActions actions;
  private final StaffAvailability availability;
  private final ConversationContext context;
  private final AuditTrail audit;

  BotWatchController(Conversations conversations, StaffActions actions, StaffAvailability availability,
      ConversationContext context, AuditTrail audit) {
    this.conversations = conversations;
    this.actions = actions;
    this.availability = availability;
    this.context = context;
    this.audit = audit;
  }

  /** A conversation the bot has, as the list shows it: no words of the resident's. */
  record WithBot(String conversationId, String reference, String channel, ConversationState state, String topic,
      String topicTitle, Instant startedAt, Instant lastChangedAt) {}

  /**
   * A watched conversation now.
   *
   * @param owner who of staff has it, once someone does
   * @param transcript the lines after {@code after}
   */
  record Watched(WithBot conversation, String owner, List<ConsoleViews.Line> transcript) {}

  record TakenOver(String conversationId, ConversationState state, String owner) {}

  @GetMapping("/with-bot")
  List<WithBot> withBot() {
    return conversations.withBot(LISTED).stream().map(this::summary).toList();
  }

  /** The conversation and its lines after {@code after} (0: all), without telling the resident. */
  @GetMapping("/watch/{id}")
  Watched watch(@PathVariable String id, @RequestParam(required = false) String after, Authentication user) {
    ConversationRecord c = existing(id);
    long seq = afterSeq(after);
    audit.watched(user.getName(), id);
    return new Watched(summary(c), c.owner(), conversations.transcript(id, seq).stream()
        .map(line -> ConsoleViews.Line.of(line, context::title)).toList());
  }

  /** Takes the conversation from the bot: it is the supervisor's at once. */
  @PostMapping("/conversations/{id}/take-over")
  ResponseEntity<?> takeOver(@PathVariable String id, Authentication user) {
    existing(id);
    boolean takesConversations = user.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.AGENT));
    if (!takesConversations) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Your account does not take conversations (it has no AGENT role).");
    }
    // Under the person's own lock, as a claim: the limit holds however many tabs or instances.
    return actions.oneAtATimeFor(user.getName(), () -> {
      var refusal = availability.refusalToClaim(user.getName());
      if (refusal.isPresent()) {
        return ApiError.response(HttpStatus.CONFLICT, refusal.get());
      }
      StaffOutcome outcome = actions.takeOver(id, user.getName());
      if (outcome.result() != StaffOutcome.Result.DONE) {
        return ConsoleApiController.refusal(outcome);
      }
      audit.record(user.getName(), "take_over", id, outcome.conversation().handoff().team());
      ConversationRecord c = outcome.conversation();
      return ResponseEntity.ok(new TakenOver(c.id(), c.state(), c.owner()));
    });
  }

  private WithBot summary(ConversationRecord c) {
    String topic = HandlingHistory.of(c).topic();
    return new WithBot(c.id(), ConversationReferences.of(c.id()), c.channel(), c.state(), topic,
        topic == null ? null : context.title(topic), c.createdAt(), c.updatedAt());
  }

  private ConversationRecord existing(String id) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such conversation.");
    }
    return conversations.find(id).orElseThrow(() -> ApiException.notFound("No such conversation."));
  }

  private static long afterSeq(String after) {
    if (after == null || after.isBlank()) {
      return 0;
    }
    if (!after.strip().matches("[0-9]{1,9}")) {
      throw ApiException.badRequest("after must be a line number from 0 to 999999999.");
    }
    return Long.parseLong(after.strip());
  }
}
