package org.townhall.bot.console;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.ConversationSearch;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.HandlingHistory;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.store.StaffStore;
import org.townhall.bot.web.ApiException;

/**
 * Staff's search of past and current conversations, and a found one's transcript, read-only. Every
 * search and every transcript opened from one goes to the audit log. Supervisors and administrators
 * find every conversation; an agent finds those that reached one of their teams (any team if they
 * have none) and those they had themselves, never ones that stayed with the bot.
 */
@RestController
@RequestMapping("/api/console/search")
class SearchApiController {

  private final ConversationSearch search;
  private final Conversations conversations;
  private final ConversationContext context;
  private final CouncilTeams teams;
  private final StaffStore staff;
  private final OfficeHours hours;
  private final AuditTrail audit;

  SearchApiController(ConversationSearch search, Conversations conversations, ConversationContext context,
      CouncilTeams teams, StaffStore staff, OfficeHours hours, AuditTrail audit) {
    this.search = search;
    this.conversations = conversations;
    this.context = context;
    this.teams = teams;
    this.staff = staff;
    this.hours = hours;
    this.audit = audit;
  }

  /**
   * A conversation found.
   *
   * @param reference its reference ({@code TH-1A2B3C4D})
   * @param topic its latest topic (an intent id), with {@code topicTitle} as staff read it
   * @param teams the teams it reached; {@code outcomes} the wrap-up codes it was closed with;
   *     {@code handledBy} the staff (user names) who had it
   * @param satisfaction the resident's 1–5 answer after staff last closed it, or absent
   */
  record Hit(String conversationId, String reference, String channel, ConversationState state, Instant startedAt,
      Instant lastChangedAt, String topic, String topicTitle, List<String> teams, List<String> outcomes,
      List<String> handledBy, Integer satisfaction) {}

  /**
   * @param next pass it as {@code after} for the next page; absent when there is nothing more
   * @param stoppedAtScanLimit the page ended early: the search looked at as many conversations as one
   *     request may ({@code townhall.search.scan-limit}); {@code next} goes on from there
   */
  record Results(List<Hit> results, String next, boolean stoppedAtScanLimit) {}

  record Opened(Hit conversation, List<ConsoleViews.Line> transcript) {}

  @GetMapping
  Results search(@RequestParam(required = false) String reference, @RequestParam(required = false) String words,
      @RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String team, @RequestParam(required = false) String outcome,
      @RequestParam(required = false) String after, @RequestParam(required = false) String size,
      Authentication user) {
    SearchRequest request = SearchRequest.parse(reference, words, from, to, team, outcome, after, size, teams.all(),
        hours.zone());
    StaffScope scope = StaffScope.of(user, staff);
    if (request.query().team() != null && !scope.covers(request.query().team())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "You can search your own teams' conversations: "
          + scope.teams() + ".");
    }
    ConversationSearch.Page page = search.search(request.query(), scope::finds, request.after(), request.size());
    audit.record(user.getName(), "search", null, request.describe(page.found().size(), page.next() != null));
    return new Results(page.found().stream().map(f -> hit(f.conversation(), f.history())).toList(),
        page.next() == null ? null : page.next().toString(), page.stoppedAtScanLimit());
  }

  /** A found conversation's transcript, read-only; audited as a view from a search, every time. */
  @GetMapping("/conversations/{id}")
  Opened open(@PathVariable String id, Authentication user) {
    if (!ConversationIds.wellFormed(id)) {
      throw ApiException.notFound("No such conversation.");
    }
    ConversationRecord c = conversations.find(id).orElseThrow(() -> ApiException.notFound("No such conversation."));
    HandlingHistory history = HandlingHistory.of(c);
    if (!StaffScope.of(user, staff).finds(history)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "This conversation never reached your teams.");
    }
    audit.record(user.getName(), "view", id, "search");
    return new Opened(hit(c, history), conversations.transcript(id, 0).stream()
        .map(line -> ConsoleViews.Line.of(line, context::title)).toList());
  }

  private Hit hit(ConversationRecord c, HandlingHistory history) {
    return new Hit(c.id(), ConversationReferences.of(c.id()), c.channel(), c.state(), c.createdAt(), c.updatedAt(),
        history.topic(), history.topic() == null ? null : context.title(history.topic()), history.teams(),
        history.outcomes(), history.staff(), Conversations.satisfactionOf(c));
  }
}
