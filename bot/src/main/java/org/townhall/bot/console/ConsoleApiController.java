package org.townhall.bot.console;

import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
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
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.SafeguardingConcern;
import org.townhall.bot.conversation.SafeguardingConcerns;
import org.townhall.bot.conversation.StaffOutcome;
import org.townhall.bot.store.AuditEntry;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.StaffActions;
import org.townhall.bot.store.StaffNote;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiError;
import org.townhall.bot.web.ApiException;

/** The console's API: the queue, a conversation's context, and the staff actions. */
@RestController
@RequestMapping("/api/console")
class ConsoleApiController {

  private static final int EARLIER_SHOWN = 5;

  private final Conversations conversations;
  private final AnswerCatalog catalog;
  private final CouncilTeams teams;
  private final QueueFeed queueFeed;
  private final AuditTrail audit;
  private final ConversationContext context;
  private final StaffStore staff;
  private final StaffAvailability availability;
  private final Clock clock;
  private final StaffActions actions;
  private final SafeguardingConcerns concerns;

  ConsoleApiController(Conversations conversations, AnswerCatalog catalog, CouncilTeams teams, QueueFeed queueFeed,
      AuditTrail audit, ConversationContext context, StaffStore staff, StaffAvailability availability, Clock clock,
      StaffActions actions, SafeguardingConcerns concerns) {
    this.actions = actions;
    this.concerns = concerns;
    this.conversations = conversations;
    this.catalog = catalog;
    this.teams = teams;
    this.queueFeed = queueFeed;
    this.audit = audit;
    this.context = context;
    this.staff = staff;
    this.availability = availability;
    this.clock = clock;
  }

  @GetMapping("/me")
  ConsoleViews.Me me(Authentication user) {
    // Only the roles: Spring Security 7 also grants FACTOR_PASSWORD (how the person signed in).
    List<String> roles = user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
        .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring("ROLE_".length())).sorted().toList();
    List<String> teams = staff.account(user.getName()).map(a -> a.teams()).orElse(List.of());
    return new ConsoleViews.Me(user.getName(), roles, teams, availability.presence(user.getName()),
        availability.conversationsOf(user.getName()), allTeams(), WrapUp.codes(),
        staff.botPause().orElse(null), safeguardingCategories(), staff.keptAcrossRestarts(), topics());
  }

  @PostMapping("/presence")
  ConsoleViews.Me presence(@Valid @RequestBody(required = false) ConsoleViews.PresenceChange change,
      Authentication user) {
    if (change == null || !StaffAvailability.PRESENCES.contains(change.presence())) {
      throw ApiException.badRequest("presence must be one of " + new TreeSet<>(StaffAvailability.PRESENCES) + ".");
    }
    availability.set(user.getName(), change.presence());
    audit.record(user.getName(), "presence", null, change.presence());
    return me(user);
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
  ConsoleViews.ConversationDetail conversation(@PathVariable String id, Authentication user) {
    ConversationRecord c = existing(id);
    audit.viewed(user.getName(), id);
    return detail(c);
  }

  @PostMapping("/conversations/{id}/claim")
  ResponseEntity<?> claim(@PathVariable String id, Authentication user) {
    requireWellFormed(id);
    // Under the person's own lock, so that two claims at once (two tabs, two instances) both count.
    return actions.oneAtATimeFor(user.getName(), () -> {
      var refusal = availability.refusalToClaim(user.getName());
      if (refusal.isPresent()) {
        return ApiError.response(HttpStatus.CONFLICT, refusal.get());
      }
      return respond(actions.claim(id, user.getName()), user, "claim", null);
    });
  }

  @PostMapping("/conversations/{id}/messages")
  ResponseEntity<?> reply(@PathVariable String id,
      @Valid @RequestBody(required = false) ConsoleViews.StaffReply reply, Authentication user) {
    requireWellFormed(id);
    String text = validText(reply == null ? null : reply.text(), "reply");
    return respond(actions.reply(id, user.getName(), text), user, "reply", null);
  }

  /**
   * The member of staff with the conversation is typing: the resident sees a notice for a few
   * seconds. Not audited (it is not an action on the conversation, and would flood the log).
   */
  @PostMapping("/conversations/{id}/typing")
  ResponseEntity<?> typing(@PathVariable String id, Authentication user) {
    requireWellFormed(id);
    StaffOutcome outcome = actions.staffTyping(id, user.getName());
    return outcome.result() == StaffOutcome.Result.DONE ? ResponseEntity.noContent().build() : refusal(outcome);
  }

  @GetMapping("/conversations/{id}/notes")
  List<StaffNote> notes(@PathVariable String id) {
    existing(id);
    return staff.notes(id);
  }

  /** An internal note: staff only, never sent to or shown to the resident. */
  @PostMapping("/conversations/{id}/notes")
  ConsoleViews.ConversationDetail addNote(@PathVariable String id,
      @Valid @RequestBody(required = false) ConsoleViews.StaffReply note, Authentication user) {
    requireWellFormed(id);
    String text = validText(note == null ? null : note.text(), "note");
    ConversationRecord c = existing(id);
    staff.addNote(id, new StaffNote(clock.instant(), user.getName(), text));
    audit.record(user.getName(), "note", id, null);
    return detail(c);
  }

  @PostMapping("/conversations/{id}/transfer")
  ResponseEntity<?> transfer(@PathVariable String id,
      @Valid @RequestBody(required = false) ConsoleViews.Transfer transfer, Authentication user) {
    requireWellFormed(id);
    if (transfer == null || transfer.team() == null || !allTeams().contains(transfer.team())) {
      throw ApiException.badRequest("team must be one of " + allTeams() + ".");
    }
    return respond(actions.transfer(id, user.getName(), transfer.team()), user, "transfer", transfer.team());
  }

  @PostMapping("/conversations/{id}/release")
  ResponseEntity<?> release(@PathVariable String id, Authentication user) {
    requireWellFormed(id);
    return respond(actions.release(id, user.getName()), user, "release", null);
  }

  @PostMapping("/conversations/{id}/close")
  ResponseEntity<?> close(@PathVariable String id, @Valid @RequestBody(required = false) ConsoleViews.Close close,
      Authentication user) {
    requireWellFormed(id);
    WrapUp wrapUp = WrapUp.of(close == null ? null : close.wrapUp())
        .orElseThrow(() -> ApiException.badRequest("wrapUp must be one of " + WrapUp.codes() + "."));
    String topic = close == null || close.topic() == null || close.topic().isBlank() ? null : close.topic();
    if (topic != null && catalog.intent(topic).isEmpty()) {
      throw ApiException.badRequest("topic must be one of the topics in /api/console/me, or left out.");
    }
    return respond(actions.close(id, user.getName(), wrapUp.code(), topic), user, "close",
        topic == null ? wrapUp.code() : wrapUp.code() + " " + topic);
  }

  /**
   * Marks a safeguarding concern on any conversation: urgent and first in the queue, flagged in every
   * console. Any member of staff may; audited with the category.
   */
  @PostMapping("/conversations/{id}/safeguarding")
  ResponseEntity<?> markConcern(@PathVariable String id, @Valid @RequestBody(required = false) ConsoleViews.Mark mark,
      Authentication user) {
    requireWellFormed(id);
    String category = mark == null ? null : mark.category();
    List<String> known = safeguardingCategories().stream().map(ConsoleViews.Category::id).toList();
    if (category == null || !known.contains(category)) {
      throw ApiException.badRequest("category must be one of " + known + ".");
    }
    return respond(concerns.mark(id, user.getName(), category), user, "safeguarding_mark", category);
  }

  /** Clears a conversation's safeguarding concern (e.g. raised in error); audited with the category cleared. */
  @PostMapping("/conversations/{id}/safeguarding/clear")
  ResponseEntity<?> clearConcern(@PathVariable String id, Authentication user) {
    ConversationRecord c = existing(id);
    String category = concerns.of(c).map(SafeguardingConcern::category)
        .orElseThrow(() -> new ApiException(HttpStatus.CONFLICT, "There is no safeguarding concern to clear."));
    return respond(concerns.clear(id, user.getName()), user, "safeguarding_clear", category);
  }

  /** Answers a staff action; a done one goes to the audit log (refusals changed nothing). */
  private ResponseEntity<?> respond(StaffOutcome outcome, Authentication user, String action, String detail) {
    if (outcome.result() == StaffOutcome.Result.DONE) {
      audit.record(user.getName(), action, outcome.conversation().id(), detail);
    }
    return outcome.result() == StaffOutcome.Result.DONE ? ResponseEntity.ok(detail(outcome.conversation()))
        : refusal(outcome);
  }

  /** A refused staff step: 404 for an unknown conversation, 409 with the reason otherwise. */
  static ResponseEntity<?> refusal(StaffOutcome outcome) {
    HttpStatus status = outcome.result() == StaffOutcome.Result.NOT_FOUND ? HttpStatus.NOT_FOUND : HttpStatus.CONFLICT;
    return ApiError.response(status, outcome.reason());
  }

  private ConsoleViews.ConversationDetail detail(ConversationRecord c) {
    var transcript = conversations.transcript(c.id(), 0).stream()
        .map(line -> ConsoleViews.Line.of(line, context::title)).toList();
    return ConsoleViews.ConversationDetail.of(c, transcript, context.of(conversations.understood(c)), staff.notes(c.id()),
        staff.auditOf(c.id()), earlier(c), concerns.of(c).orElse(null));
  }

  /** The same resident's other conversations on this channel (none for web chat: each is new). */
  private List<ConsoleViews.Earlier> earlier(ConversationRecord c) {
    return conversations.earlierOf(c, EARLIER_SHOWN).stream()
        .map(ConsoleViews.Earlier::of)
        .toList();
  }

  private List<String> allTeams() {
    return teams.all();
  }

  private List<ConsoleViews.Topic> topics() {
    return catalog.pack().intents().stream().map(i -> new ConsoleViews.Topic(i.id(), i.title()))
        .sorted(java.util.Comparator.comparing(ConsoleViews.Topic::title)).toList();
  }

  private List<ConsoleViews.Category> safeguardingCategories() {
    return concerns.categories().stream().map(d -> new ConsoleViews.Category(d.category(), d.title())).toList();
  }

  /** The conversation, or 404 (also for an id that cannot be one: it never reaches the store). */
  private ConversationRecord existing(String id) {
    requireWellFormed(id);
    // Staff who had it open learn why it went: an erasure (the resident's or an administrator's) or retention.
    return conversations.find(id).orElseThrow(() -> ApiException.notFound("This conversation is no longer kept: "
        + "its data was deleted at the resident's request, or its retention period ended."));
  }

  /** An id that cannot be a conversation's never reaches the store: 404, as for an unknown one. */
  private static void requireWellFormed(String id) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such conversation.");
    }
  }

  /** A reply's or note's text; its form is checked by Bean Validation, which passes a missing body. */
  private static String validText(String text, String what) {
    if (text == null) {
      throw ApiException.badRequest("The " + what + " is empty: send {\"text\": \"...\"}.");
    }
    return text.strip();
  }
}
