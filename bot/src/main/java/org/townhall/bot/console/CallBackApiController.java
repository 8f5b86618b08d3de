package org.townhall.bot.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.CallBackOutcome;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.StaffOutcome;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * The call-back list: residents who left an email address or phone number for a reply, for staff of
 * the teams they waited for (supervisors and administrators see every team's). Lists show the details
 * masked; opening one shows them and is audited like opening a transcript; taking one on and setting
 * how it ended are audited too.
 */
@RestController
@RequestMapping("/api/console/call-backs")
class CallBackApiController {

  /** The most recent requests listed; older ones are still kept for the retention period. */
  static final int LISTED = 200;

  private final CallBacks callBacks;
  private final Conversations conversations;
  private final StaffStore staff;
  private final AuditTrail audit;
  private final ConversationContext context;

  CallBackApiController(CallBacks callBacks, Conversations conversations, StaffStore staff, AuditTrail audit,
      ConversationContext context) {
    this.callBacks = callBacks;
    this.conversations = conversations;
    this.staff = staff;
    this.audit = audit;
    this.context = context;
  }

  record Outcome(@NotBlank(message = "must name an outcome") String outcome) {}

  /** The requests this person may work on, the most recent first, with the details masked. */
  @GetMapping
  List<CallBackViews.CallBack> list(Authentication user) {
    StaffScope scope = StaffScope.of(user, staff);
    return callBacks.list(LISTED).stream()
        .filter(c -> scope.covers(c.callBack().team()))
        .map(c -> CallBackViews.CallBack.listed(c, title(c)))
        .toList();
  }

  /** One request with the email address, phone number and message; audited as {@code call_back_view}. */
  @GetMapping("/{id}")
  CallBackViews.CallBack open(@PathVariable String id, Authentication user) {
    ConversationRecord c = visible(id, user);
    audit.viewed(user.getName(), id, "call_back_view");
    return CallBackViews.CallBack.opened(c, title(c));
  }

  /** Takes the call-back on; 409 while a colleague has it. Audited as {@code call_back_take}. */
  @PostMapping("/{id}/take")
  ResponseEntity<?> take(@PathVariable String id, Authentication user) {
    visible(id, user);
    return respond(callBacks.take(id, user.getName()), user, "call_back_take", null);
  }

  /** Sets how it ended: called back, emailed, no answer, or closed. Audited as {@code call_back_outcome}. */
  @PostMapping("/{id}/outcome")
  ResponseEntity<?> outcome(@PathVariable String id, @Valid @RequestBody(required = false) Outcome outcome,
      Authentication user) {
    visible(id, user);
    CallBackOutcome chosen = CallBackOutcome.of(outcome == null ? null : outcome.outcome())
        .orElseThrow(() -> ApiException.badRequest("outcome must be one of " + CallBackOutcome.codes() + "."));
    return respond(callBacks.settle(id, user.getName(), chosen), user, "call_back_outcome", chosen.code());
  }

  private ResponseEntity<?> respond(StaffOutcome outcome, Authentication user, String action, String detail) {
    if (outcome.result() != StaffOutcome.Result.DONE) {
      return ConsoleApiController.refusal(outcome);
    }
    audit.record(user.getName(), action, outcome.conversation().id(), detail);
    ConversationRecord c = outcome.conversation();
    return ResponseEntity.ok(CallBackViews.CallBack.opened(c, title(c)));
  }

  private String title(ConversationRecord c) {
    return c.callBack().topic() == null ? null : context.title(c.callBack().topic());
  }

  /**
   * A request this person may see, or 404 (also for an id that cannot be one, and for another team's
   * request: whether it exists is not theirs to know).
   */
  private ConversationRecord visible(String id, Authentication user) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such call-back.");
    }
    StaffScope scope = StaffScope.of(user, staff);
    return conversations.find(id)
        .filter(c -> c.callBack() != null)
        .filter(c -> scope.covers(c.callBack().team()))
        .orElseThrow(() -> ApiException.notFound("No such call-back."));
  }
}
