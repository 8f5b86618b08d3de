package org.townhall.bot.console;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.content.ContentRefusedException;
import org.townhall.bot.learning.Inbox;
import org.townhall.bot.learning.InboxDecision;
import org.townhall.bot.learning.InboxGroup;
import org.townhall.bot.web.ApiException;

/**
 * The editors' inbox of residents' messages the bot did not serve well (EDITOR or ADMIN, like all of
 * {@code /api/console/content}): read in groups of like messages, and decided a group at a time.
 */
@RestController
@RequestMapping("/api/console/content/inbox")
class InboxApiController {

  private final Inbox inbox;
  private final AuditTrail audit;

  InboxApiController(Inbox inbox, AuditTrail audit) {
    this.inbox = inbox;
    this.audit = audit;
  }

  /** @param decisions what {@code decision} may be */
  record Groups(List<InboxGroup> groups, List<String> decisions) {}

  @GetMapping
  Groups groups() {
    return new Groups(inbox.groups(), Inbox.DECISIONS);
  }

  record Decide(@NotBlank(message = "name the group") @Size(max = 2_000) String groupKey,
      @NotBlank(message = "must be one of assigned, out_of_scope, dismissed, safeguarding") String decision,
      @Size(max = 64) String intent) {}

  /** Decides a group: its messages become training phrases of an intent, out-of-scope examples, or are dismissed. */
  @PostMapping("/decisions")
  InboxDecision decide(@Valid @RequestBody(required = false) Decide decide, Authentication user) {
    if (decide == null) {
      throw ApiException.badRequest("Send {\"groupKey\": \"…\", \"decision\": \"assigned\", \"intent\": \"…\"}.");
    }
    try {
      InboxDecision decided = inbox.decide(decide.groupKey(), decide.decision(), decide.intent(), user.getName());
      audit.record(user.getName(), "inbox-decide", null,
          decided.decision() + (decided.intent() == null ? "" : " " + decided.intent()) + ": "
              + decided.messages() + " message(s)");
      return decided;
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(e.getMessage());
    } catch (NoSuchElementException e) {
      throw ApiException.notFound(e.getMessage());
    } catch (ContentRefusedException e) {
      throw new ApiException(HttpStatus.CONFLICT, "Fix the draft's problems first (see the draft), then decide.");
    } catch (IllegalStateException e) { // a category file laid out so that phrases cannot be added safely
      throw new ApiException(HttpStatus.CONFLICT, e.getMessage());
    }
  }
}
