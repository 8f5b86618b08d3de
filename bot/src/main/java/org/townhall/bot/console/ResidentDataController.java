package org.townhall.bot.console;

import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.Erasure;
import org.townhall.bot.conversation.ResidentLookup;
import org.townhall.bot.conversation.ResidentLookup.Resident;
import org.townhall.bot.web.ApiException;

/**
 * An administrator answering a resident's request about their data (UK GDPR): find everything kept
 * about one resident (by conversation id, reference or Telegram chat id), export it (subject access,
 * JSON or a readable page) or erase it. Exports and erasures are in the audit log. ADMIN only (the
 * security configuration refuses everyone else under {@code /api/console/admin}).
 */
@RestController
@RequestMapping("/api/console/admin/residents")
class ResidentDataController {

  private static final String WHICH = "Give exactly one of conversation (an id), reference (TH-1A2B3C4D) or "
      + "telegram (a chat id).";

  private final ResidentLookup lookup;
  private final SubjectAccess subjectAccess;
  private final Erasure erasure;
  private final AuditTrail audit;

  ResidentDataController(ResidentLookup lookup, SubjectAccess subjectAccess, Erasure erasure, AuditTrail audit) {
    this.lookup = lookup;
    this.subjectAccess = subjectAccess;
    this.erasure = erasure;
    this.audit = audit;
  }

  /** One of the resident's conversations, as the administration page lists them (no content). */
  record Held(String conversationId, String reference, String state, Instant startedAt, Instant lastChangedAt,
      long lines, boolean detailsLeftForReply) {

    static Held of(ConversationRecord c) {
      return new Held(c.id(), ConversationReferences.of(c.id()), c.state().publicName(), c.createdAt(),
          c.updatedAt(), c.lastSeq(), c.callBack() != null);
    }
  }

  /** @param telegramChat for a Telegram resident, their chat id */
  record Found(String channel, String telegramChat, List<Held> conversations) {}

  @GetMapping
  Found find(@RequestParam(required = false) String conversation, @RequestParam(required = false) String reference,
      @RequestParam(required = false) String telegram) {
    Resident resident = resident(conversation, reference, telegram);
    return new Found(resident.channel(), telegramChat(resident),
        lookup.conversationsOf(resident).stream().map(Held::of).toList());
  }

  @GetMapping("/export")
  ResponseEntity<SubjectAccess.Export> export(@RequestParam(required = false) String conversation,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String telegram,
      Authentication user) {
    SubjectAccess.Export export = exported(resident(conversation, reference, telegram), user, "subject access, JSON");
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName(export) + ".json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(MediaType.APPLICATION_JSON)
        .body(export);
  }

  @GetMapping("/export.html")
  ResponseEntity<String> exportPage(@RequestParam(required = false) String conversation,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String telegram,
      Authentication user) {
    SubjectAccess.Export export = exported(resident(conversation, reference, telegram), user, "subject access, page");
    return ResponseEntity.ok()
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
        .body(SubjectAccess.html(export));
  }

  /** Erases everything kept about the resident, on every store; see {@link Erasure}. */
  @PostMapping("/erase")
  Erasure.Erased erase(@RequestParam(required = false) String conversation,
      @RequestParam(required = false) String reference, @RequestParam(required = false) String telegram,
      Authentication user) {
    Resident resident = resident(conversation, reference, telegram);
    return erasure.eraseResident(resident.channel(), resident.channelUserId(), user.getName());
  }

  private SubjectAccess.Export exported(Resident resident, Authentication user, String how) {
    SubjectAccess.Export export = subjectAccess.of(resident, user.getName());
    export.conversations().forEach(c -> audit.record(user.getName(), "export", c.conversationId(), how));
    return export;
  }

  private static String fileName(SubjectAccess.Export export) {
    return export.conversations().isEmpty() ? "resident-data"
        : "resident-data-" + export.conversations().get(0).reference();
  }

  private static String telegramChat(Resident resident) {
    return "telegram".equals(resident.channel()) ? resident.channelUserId() : null;
  }

  private Resident resident(String conversation, String reference, String telegram) {
    int given = (blank(conversation) ? 0 : 1) + (blank(reference) ? 0 : 1) + (blank(telegram) ? 0 : 1);
    if (given != 1) {
      throw ApiException.badRequest(WHICH);
    }
    try {
      if (!blank(conversation)) {
        return lookup.byConversation(conversation.strip())
            .orElseThrow(() -> ApiException.notFound("No conversation with that id is kept."));
      }
      if (!blank(telegram)) {
        return lookup.byTelegramChat(telegram.strip())
            .orElseThrow(() -> ApiException.notFound("No conversation of that Telegram chat is kept."));
      }
      List<Resident> residents = lookup.byReference(reference);
      if (residents.isEmpty()) {
        throw ApiException.notFound("No conversation with that reference is kept.");
      }
      if (residents.size() > 1) {
        throw new ApiException(HttpStatus.CONFLICT, "That reference is shared by conversations of more than one "
            + "resident: find each by its conversation id.");
      }
      return residents.get(0);
    } catch (ResidentLookup.NotAnId e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
