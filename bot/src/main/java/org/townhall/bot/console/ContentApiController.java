package org.townhall.bot.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.content.ContentApproval;
import org.townhall.bot.content.ContentDiff;
import org.townhall.bot.content.ContentPublishing;
import org.townhall.bot.content.ContentDrafts;
import org.townhall.bot.content.ContentEvaluation;
import org.townhall.bot.content.ContentRefusedException;
import org.townhall.bot.content.ContentReviews;
import org.townhall.bot.content.ContentTrials;
import org.townhall.bot.content.DraftView;
import org.townhall.bot.content.ContentPublishing.PublishJob;
import org.townhall.bot.content.ContentVersion;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.security.Roles;
import org.townhall.bot.web.ApiException;
import org.townhall.nlp.content.ContentPackException;
import org.townhall.nlp.content.IntentDefinition;
import org.townhall.nlp.content.IntentFileWriter;
import org.townhall.nlp.content.PackArchive;

/**
 * The editors' side of the content (EDITOR or ADMIN): the shared draft of the pack's files, its
 * problems and its changes against the live version; publishing, the history of versions with a
 * diff between any two, rolling back, and export and import of the very files nlp-models reads;
 * and the answers due for review.
 * Every change is in the audit log.
 */
@RestController
@RequestMapping("/api/console/content")
class ContentApiController {

  private final ContentPublishing content;
  private final ContentDrafts drafts;
  private final ContentTrials trials;
  private final ContentEvaluation evaluation;
  private final AuditTrail audit;
  private final ContentReviews reviews;
  private final OfficeHours hours;

  ContentApiController(ContentPublishing content, ContentDrafts drafts, ContentTrials trials,
      ContentEvaluation evaluation, AuditTrail audit, ContentReviews reviews, OfficeHours hours) {
    this.content = content;
    this.drafts = drafts;
    this.trials = trials;
    this.evaluation = evaluation;
    this.audit = audit;
    this.reviews = reviews;
    this.hours = hours;
  }

  /** @param awaitingApproval a change to safeguarding content waiting for a second person, or null */
  record Versions(int live, List<ContentVersion> versions, PublishJob publishing, ContentApproval awaitingApproval) {}

  @GetMapping("/versions")
  Versions versions() {
    return new Versions(content.live().number(), content.history(), content.job().orElse(null),
        content.pendingApproval().orElse(null));
  }

  /**
   * An administrator other than the person who asked approves the waiting change to safeguarding
   * content; it is then trained and published.
   */
  @PostMapping("/approval/approve")
  ResponseEntity<PublishJob> approve(Authentication user) {
    requireAdministrator(user);
    PublishJob job = content.approve(user.getName());
    audit.record(user.getName(), "content-approve", null, job.message());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
  }

  record Reject(@NotBlank(message = "say why") @Size(max = 500) String reason) {}

  @PostMapping("/approval/reject")
  PublishJob reject(@Valid @RequestBody(required = false) Reject reject, Authentication user) {
    requireAdministrator(user);
    if (reject == null) {
      throw ApiException.badRequest("Send {\"reason\": \"why\"}.");
    }
    PublishJob job = content.reject(user.getName(), reject.reason());
    audit.record(user.getName(), "content-reject", null, reject.reason());
    return job;
  }

  /** Safeguarding content is approved by an administrator: the council's safeguarding lead, or someone they trust. */
  private static void requireAdministrator(Authentication user) {
    if (user.getAuthorities().stream().noneMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()))) {
      throw new ApiException(HttpStatus.FORBIDDEN, "Only an administrator can approve or turn down safeguarding changes.");
    }
  }

  @GetMapping("/draft")
  DraftView draft() {
    return drafts.draft();
  }

  /** One file of the draft, as text. */
  @GetMapping("/draft/file")
  ResponseEntity<String> draftFile(@RequestParam String path) {
    String text = drafts.draftFiles().text(path).orElseThrow(() -> ApiException.notFound("The draft has no such file."));
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_PLAIN, java.nio.charset.StandardCharsets.UTF_8))
        .eTag(drafts.revision(path)).body(text);
  }

  /** A file of the draft, as the editors' file list shows it. */
  record DraftFile(String path, int bytes) {}

  /** Every file of the draft (the live version's while nobody has changed anything), by path. */
  @GetMapping("/draft/files")
  List<DraftFile> draftFiles() {
    return drafts.draftFiles().files().entrySet().stream()
        .map(f -> new DraftFile(f.getKey(), f.getValue().length))
        .sorted(java.util.Comparator.comparing(DraftFile::path))
        .toList();
  }

  /**
   * Puts a file into the draft; the answer lists what would stop the draft being published. With
   * {@code If-Match} (the ETag the file was read with), or {@code If-None-Match: *} for a new file,
   * a file someone else changed meanwhile is refused (412) instead of overwritten.
   */
  @PutMapping(value = "/draft/file", consumes = MediaType.TEXT_PLAIN_VALUE)
  ResponseEntity<DraftView> putDraftFile(@RequestParam String path, @RequestBody(required = false) String text,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Authentication user) {
    if (text == null || text.isBlank()) {
      throw ApiException.badRequest("Send the file's new content as text; to take a file out, DELETE it.");
    }
    DraftView view = drafts.putFile(path, text, user.getName(), expectedRevision(ifMatch, ifNoneMatch));
    audit.record(user.getName(), "content-edit", null, path);
    return ResponseEntity.ok().eTag(drafts.revision(path)).body(view);
  }

  @DeleteMapping("/draft/file")
  DraftView removeDraftFile(@RequestParam String path,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication user) {
    DraftView view = drafts.removeFile(path, user.getName(), expectedRevision(ifMatch, null));
    audit.record(user.getName(), "content-remove", null, path);
    return view;
  }

  /** Forgets the draft: the live version stays as it is. */
  @DeleteMapping("/draft")
  DraftView discardDraft(Authentication user) {
    drafts.discardDraft();
    audit.record(user.getName(), "content-discard-draft", null, null);
    return drafts.draft();
  }

  /** Replaces the draft with a zip of a pack's files; nothing goes live until someone publishes. */
  @PostMapping(value = "/draft/import", consumes = {"application/zip", MediaType.APPLICATION_OCTET_STREAM_VALUE})
  DraftView importDraft(HttpServletRequest request, Authentication user) throws IOException {
    PackArchive files;
    try {
      files = PackArchive.unzip(bounded(request.getInputStream()));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest(sentence(e.getMessage()));
    }
    DraftView view = drafts.importFiles(files, user.getName());
    audit.record(user.getName(), "content-import", null, view.changed().size() + " files changed");
    return view;
  }

  @GetMapping("/draft/export")
  ResponseEntity<byte[]> exportDraft() {
    return zip("townhall-content-draft.zip", drafts.draftFiles());
  }

  @GetMapping("/versions/{number}/export")
  ResponseEntity<byte[]> exportVersion(@PathVariable int number) {
    return zip("townhall-content-v" + number + ".zip",
        content.files(number).orElseThrow(() -> ApiException.notFound("There is no such version.")));
  }

  /** What changed from one version to another (or to the draft, without {@code to}). */
  @GetMapping("/diff")
  List<ContentDiff.FileChange> diff(@RequestParam int from, @RequestParam Optional<Integer> to) {
    return content.diff(from, to);
  }

  /** An intent as the list shows it. */
  record IntentSummary(String id, String title, String team, boolean urgent, boolean handoff, int phrases,
      String answer, boolean changed) {}

  /** Every intent of the draft, with whether the draft changed it. */
  @GetMapping("/intents")
  List<IntentSummary> intents() {
    Map<String, IntentDefinition> live = drafts.livePack().intentsById();
    return drafts.draftPack().intents().stream()
        .map(i -> new IntentSummary(i.id(), i.title(), i.team(), i.urgent(), i.handoff(), i.phrases().size(),
            i.answer().text(), !i.equals(live.get(i.id()))))
        .toList();
  }

  record Choices(java.util.Set<String> teams, java.util.Set<String> slots) {}

  /** What an intent's form may choose from. */
  @GetMapping("/intents/choices")
  Choices choices() {
    return new Choices(IntentFileWriter.teams(), IntentFileWriter.slots());
  }

  @GetMapping("/intents/{id}")
  ResponseEntity<IntentDefinition> intent(@PathVariable String id) {
    IntentDefinition intent = Optional.ofNullable(drafts.draftPack().intentsById().get(id))
        .orElseThrow(() -> ApiException.notFound("The draft has no such intent."));
    return ResponseEntity.ok().eTag(drafts.revision(IntentFileWriter.path(id))).body(intent);
  }

  record AnswerForm(@NotBlank(message = "must say something") @Size(max = 4000) String text,
      @Size(max = 500) String link, @Size(max = 6, message = "has more than 6 quick replies") List<@NotBlank String> options,
      @Valid ReviewForm review) {}

  /** An answer's review as its form fills it in: blank fields are not set (the owner is then the intent's team). */
  record ReviewForm(@Size(max = 40) String owner, @Size(max = 40) String by, @Size(max = 500) String source) {}

  record IntentForm(@NotBlank(message = "must not be empty") @Size(max = 80) String title,
      @NotBlank(message = "must name a team") String team, boolean urgent, boolean handoff,
      @Size(max = 5) List<@NotBlank String> slots, @Valid @jakarta.validation.constraints.NotNull(message = "is needed") AnswerForm answer,
      @jakarta.validation.constraints.NotEmpty(message = "needs at least one phrase") @Size(max = 3000) List<@NotBlank @Size(max = 500) String> phrases) {}

  /** Puts an intent, as filled in its form, into the draft (a new intent, or a changed one). */
  @PutMapping("/intents/{id}")
  ResponseEntity<DraftView> putIntent(@PathVariable String id, @Valid @RequestBody(required = false) IntentForm form,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch, Authentication user) {
    if (!IntentFileWriter.isValidId(id)) {
      throw ApiException.badRequest("An intent's id is lower_snake_case, e.g. report_pothole.");
    }
    if (form == null) {
      throw ApiException.badRequest("Send the intent's form as JSON.");
    }
    IntentDefinition intent = new IntentDefinition(id, form.title().strip(), form.team().strip(), form.urgent(),
        form.handoff(), form.slots() == null ? List.of() : form.slots(),
        new org.townhall.nlp.content.Answer(form.answer().text().strip(),
            form.answer().link() == null || form.answer().link().isBlank() ? null : form.answer().link().strip(),
            form.answer().options() == null ? List.of() : form.answer().options(),
            ReviewForms.review(form.answer().review())),
        form.phrases().stream().map(String::strip).toList());
    DraftView view = drafts.putIntent(intent, user.getName(), expectedRevision(ifMatch, ifNoneMatch));
    audit.record(user.getName(), "content-edit", null, IntentFileWriter.path(id));
    return ResponseEntity.ok().eTag(drafts.revision(IntentFileWriter.path(id))).body(view);
  }

  /**
   * The draft's answers overdue for review, due within {@code within} days (the configured default
   * without it), or with no review-by date; overdue first. Today is the council's date.
   */
  @GetMapping("/reviews")
  ContentReviews.Reviews reviews(@RequestParam Optional<Integer> within) {
    if (within.isPresent() && (within.get() < 0 || within.get() > 366)) {
      throw ApiException.badRequest("within: must be a number of days from 0 to 366.");
    }
    return reviews.due(hours.zone(), within.map(java.util.OptionalInt::of).orElse(java.util.OptionalInt.empty()));
  }

  /** Retires an intent from the draft. */
  @DeleteMapping("/intents/{id}")
  DraftView retireIntent(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch, Authentication user) {
    if (!IntentFileWriter.isValidId(id)) {
      throw ApiException.notFound("The draft has no such intent.");
    }
    DraftView view = drafts.retireIntent(id, user.getName(), expectedRevision(ifMatch, null));
    audit.record(user.getName(), "content-retire", null, IntentFileWriter.path(id));
    return view;
  }

  /** Starts evaluating the draft against the live version (or answers the evaluation of it already made). */
  @PostMapping("/evaluation")
  ResponseEntity<ContentEvaluation.Evaluation> evaluate() {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(evaluation.evaluateDraft());
  }

  /** The evaluation of the draft as it is now: progress while it runs, then the figures and whether it passes. */
  @GetMapping("/evaluation")
  ResponseEntity<ContentEvaluation.Evaluation> evaluation() {
    return evaluation.ofDraft().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.noContent().build());
  }

  record Try(@NotBlank(message = "write a sentence to try") @Size(max = 1000) String text) {}

  /** A sentence tried against the live version and the draft side by side (not kept, not audited). */
  @PostMapping("/try")
  ContentTrials.Trial tryOut(@Valid @RequestBody(required = false) Try attempt) {
    if (attempt == null) {
      throw ApiException.badRequest("Send {\"text\": \"a sentence as a resident would write it\"}.");
    }
    return trials.tryOut(attempt.text());
  }

  /** @param override an administrator's reason to publish although the evaluation blocks it */
  record Publish(@NotBlank(message = "say what changed and why") @Size(max = 500) String message,
      @Size(max = 500) String override) {}

  /** Publishes the draft: checked now, trained in the background, then live on every instance. */
  @PostMapping("/publish")
  ResponseEntity<PublishJob> publish(@Valid @RequestBody(required = false) Publish publish, Authentication user) {
    if (publish == null) {
      throw ApiException.badRequest("Send {\"message\": \"what changed and why\"}.");
    }
    String override = publish.override() == null || publish.override().isBlank() ? null : publish.override().strip();
    if (override != null) {
      requireAdministrator(user);
    }
    PublishJob job = content.publish(user.getName(), publish.message(), override);
    audit.record(user.getName(), override == null ? "content-publish" : "content-publish-override", null,
        override == null ? publish.message() : publish.message() + " / override: " + override);
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
  }

  record Rollback(int version, @NotBlank(message = "say why") @Size(max = 500) String message) {}

  /** Publishes an earlier version's files again, as a new version. */
  @PostMapping("/rollback")
  ResponseEntity<PublishJob> rollback(@Valid @RequestBody(required = false) Rollback rollback, Authentication user) {
    if (rollback == null) {
      throw ApiException.badRequest("Send {\"version\": 3, \"message\": \"why\"}.");
    }
    PublishJob job = content.rollback(rollback.version(), user.getName(), rollback.message());
    audit.record(user.getName(), "content-rollback", null, "to version " + rollback.version() + ": " + rollback.message());
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(job);
  }

  /** A refusal; {@code problems} (file, line, message) only when the pack's problems are the reason. */
  @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
  record Refusal(String error, List<ContentPackException.Problem> problems) {}

  /** Written as JSON whatever the request's Accept header says, like every other API error (ApiError). */
  @ExceptionHandler(ContentRefusedException.class)
  ResponseEntity<Refusal> refused(ContentRefusedException e) {
    HttpStatus status = switch (e.reason()) {
      case BAD_INPUT -> HttpStatus.BAD_REQUEST;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case CONFLICT -> HttpStatus.CONFLICT;
      case PROBLEMS -> HttpStatus.UNPROCESSABLE_CONTENT;
      case STALE -> HttpStatus.PRECONDITION_FAILED;
    };
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
        .body(new Refusal(sentence(e.getMessage()), e.problems()));
  }

  /**
   * The revision an editor's change expects: {@code If-Match: "<ETag>"} as the file was read, or
   * {@code If-None-Match: *} for a file that must not exist yet; null (no check) without either.
   */
  private static String expectedRevision(String ifMatch, String ifNoneMatch) {
    if (ifNoneMatch != null && ifNoneMatch.strip().equals("*")) {
      return ContentDrafts.NO_FILE;
    }
    if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
      return null;
    }
    String tag = ifMatch.strip();
    tag = tag.startsWith("W/") ? tag.substring(2) : tag;
    if (!tag.matches("\"[0-9a-f]{1,64}\"")) {
      throw ApiException.badRequest("If-Match names the file as you opened it: its ETag header, e.g. \"3f2a9c\".");
    }
    return tag.substring(1, tag.length() - 1);
  }

  /** The content feature's reasons as the API's other errors read: a capital, and a full stop. */
  private static String sentence(String reason) {
    String text = reason == null || reason.isBlank() ? "the request was refused" : reason.strip();
    text = Character.toUpperCase(text.charAt(0)) + text.substring(1);
    return text.endsWith(".") ? text : text + ".";
  }

  private static ResponseEntity<byte[]> zip(String name, PackArchive files) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"")
        .body(files.zip());
  }

  /** The request body, refused beyond the size a zip of the largest allowed pack could have. */
  private static byte[] bounded(InputStream in) throws IOException {
    byte[] body = in.readNBytes((int) PackArchive.MAX_BYTES + 1);
    if (body.length > PackArchive.MAX_BYTES) {
      throw ApiException.badRequest("An archive holds at most " + PackArchive.MAX_BYTES / (1024 * 1024) + " MB.");
    }
    return body;
  }
}
