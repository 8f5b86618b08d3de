package org.townhall.bot.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.StaffActions;
import org.townhall.bot.conversation.StaffOutcome;
import org.townhall.bot.security.Roles;
import org.townhall.bot.store.StaffAccount;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * What a supervisor (SUPERVISOR or ADMIN) does beyond an agent: sees everyone's load and gives a
 * conversation to a named colleague, from the queue or from someone else. Audited like every staff
 * action.
 */
@RestController
@RequestMapping("/api/console/supervisor")
class SupervisorApiController {

  private final StaffStore staff;
  private final Conversations conversations;
  private final StaffActions actions;
  private final AuditTrail audit;

  SupervisorApiController(StaffStore staff, Conversations conversations, StaffActions actions, AuditTrail audit) {
    this.staff = staff;
    this.conversations = conversations;
    this.actions = actions;
    this.audit = audit;
  }

  /**
   * One member of staff's load.
   *
   * @param presence available, away, or null when they have not said
   * @param conversations how many conversations they have now
   */
  record Load(String username, String displayName, List<String> teams, String presence, long conversations) {}

  /** Everyone who can take conversations, busiest first. */
  @GetMapping("/load")
  List<Load> load() {
    Map<String, Long> owned = new HashMap<>();
    for (ConversationRecord c : conversations.handoffQueue()) {
      if (c.state() == ConversationState.WITH_AGENT && c.owner() != null) {
        owned.merge(c.owner(), 1L, Long::sum);
      }
    }
    Map<String, String> presence = staff.presence();
    return staff.accounts().stream()
        .filter(a -> a.enabled() && a.roles().contains(Roles.AGENT))
        .map(a -> new Load(a.username(), a.displayName(), a.teams(), presence.get(a.username()),
            owned.getOrDefault(a.username(), 0L)))
        .sorted(Comparator.comparingLong(Load::conversations).reversed().thenComparing(Load::username))
        .toList();
  }

  record Assign(@NotBlank(message = "must name a member of staff") String to) {}

  record Assigned(String conversationId, ConversationState state, String owner) {}

  /** Gives the conversation to a named colleague who can take conversations. */
  @PostMapping("/conversations/{id}/assign")
  ResponseEntity<?> assign(@PathVariable String id, @Valid @RequestBody(required = false) Assign assign,
      Authentication user) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such conversation.");
    }
    if (assign == null) {
      throw ApiException.badRequest("Send {\"to\": \"a user name\"}.");
    }
    StaffAccount to = staff.account(assign.to()).filter(StaffAccount::enabled)
        .filter(a -> a.roles().contains(Roles.AGENT))
        .orElseThrow(() -> ApiException.badRequest("to must be a member of staff who can take conversations."));
    StaffOutcome outcome = actions.assign(id, user.getName(), to.username());
    if (outcome.result() == StaffOutcome.Result.DONE) {
      audit.record(user.getName(), "assign", id, to.username());
      ConversationRecord c = outcome.conversation();
      return ResponseEntity.ok(new Assigned(c.id(), c.state(), c.owner()));
    }
    return ConsoleApiController.refusal(outcome);
  }
}
