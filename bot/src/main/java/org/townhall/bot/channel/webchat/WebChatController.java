package org.townhall.bot.channel.webchat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.conversation.CallBackRequest;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.ContactDetails;
import org.townhall.bot.conversation.ConversationIds;
import org.townhall.bot.conversation.ConversationState;
import org.townhall.bot.conversation.Conversations;
import org.townhall.bot.conversation.ResidentMessages;
import org.townhall.bot.conversation.InboundMessage;
import org.townhall.bot.handoff.QueueEstimates;
import org.townhall.bot.conversation.ConversationRecord;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.metrics.StepTimer;
import org.townhall.bot.limits.Limit;
import org.townhall.bot.limits.RateLimits;
import org.townhall.bot.web.ApiError;
import org.townhall.bot.web.ApiException;

/** The public web chat API; see the README for the contract. */
@Tag(name = "Web chat", description = "A resident's conversation with the council")
@RestController
@RequestMapping("/api/webchat")
class WebChatController {

  static final String CHANNEL = "webchat";
  /** Short: a reworded welcome reaches pages soon, while a busy page load costs the server little. */
  private static final Duration WELCOME_CACHED = Duration.ofMinutes(5);

  private final Conversations conversations;
  private final ResidentMessages residents;
  private final WebChatProperties properties;
  private final QueueEstimates estimates;
  private final RateLimits limits;
  private final StepTimer steps;
  private final ResidentAccess access;
  private final CallBacks callBacks;

  WebChatController(Conversations conversations, ResidentMessages residents, WebChatProperties properties,
      QueueEstimates estimates, RateLimits limits, StepTimer steps, ResidentAccess access, CallBacks callBacks) {
    this.access = access;
    this.callBacks = callBacks;
    this.residents = residents;
    this.limits = limits;
    this.steps = steps;
    this.conversations = conversations;
    this.properties = properties;
    this.estimates = estimates;
  }

  record Started(
      @Schema(requiredMode = REQUIRED, pattern = ConversationIds.PATTERN,
          example = "3f2b8c1e-7a4d-4e2b-9c1a-5d6e7f8a9b0c") String conversationId,
      @Schema(requiredMode = REQUIRED, description = "Send it as 'Authorization: Bearer <token>' on every later call "
          + "for this conversation; only its hash is stored.") String token) {}

  /** What a new conversation starts with, for a page to show before one exists. */
  record Welcome(@Schema(requiredMode = REQUIRED) String text,
      @Schema(requiredMode = REQUIRED, description = "Quick replies: send one's text as a message.")
      List<String> options,
      @Schema(requiredMode = REQUIRED, description = "The longest message accepted, in characters, for a page "
          + "to say so before the resident sends one that is too long.") int maxTextLength,
      @Schema(requiredMode = REQUIRED, description = "What residents read before they leave an email address or "
          + "phone number for a reply: what it is used for and how long it is kept.") String contactConsent,
      @Schema(requiredMode = REQUIRED, description = "Whether staff replies can be emailed to a resident who has "
          + "gone (the council configured email); if not, only a phone number can be left.") boolean emailReplies) {}

  /**
   * @param text the message; its length limit is a setting, so the controller checks it
   * @param clientMessageId becomes part of a store key (to process a retry once): letters, digits and
   *     {@code . _ : -} only; empty = a new id
   */
  record Incoming(
      @Schema(example = "when is my bin collected", description = "Characters as people count them: an emoji is "
          + "one. The longest allowed is the setting townhall.webchat.max-text-length.")
      @NotBlank(message = "must not be empty") String text,
      @Schema(example = "retry-1", description = "Send the same id again when retrying after a network error: the "
          + "message is processed once.")
      @Size(max = 100, message = "must be at most 100 characters")
      @Pattern(regexp = "\\s*|[A-Za-z0-9._:-]+", message = "may hold only letters, digits and . _ : -")
      String clientMessageId) {}

  record Replies(@Schema(requiredMode = REQUIRED, description = "The replies this message produced so far (none "
      + "while a member of staff has the conversation, or for a repeated clientMessageId).")
      List<WebChatMessage> messages,
      @Schema(requiredMode = REQUIRED, description = "True when this message confirmed the resident's request to "
          + "delete their data: the conversation is erased (its calls now answer 404), and the reply says what was "
          + "deleted and what is kept. Show it, then forget the conversation.") boolean erased) {}

  /**
   * @param queue while waiting for staff: the resident's place in their team's queue and a rough
   *     wait in minutes; absent otherwise
   * @param staffTyping whether the member of staff with the conversation is typing a reply
   */
  record Transcript(
      @Schema(requiredMode = REQUIRED, allowableValues = {"BOT", "AWAITING_AGENT", "WITH_AGENT", "CLOSED"})
      String state,
      @Schema(requiredMode = REQUIRED, description = "The lines with seq > after, in order.")
      List<WebChatMessage> messages,
      @Schema(description = "Only while the resident waits, unclaimed, for staff.") QueueEstimates.Estimate queue,
      @Schema(requiredMode = REQUIRED) boolean staffTyping,
      @Schema(description = "Only once the resident has left details for a reply: what they left, masked.")
      ContactLeft contactLeft) {}

  /**
   * What the resident left for a reply after they have gone, masked: the page says where a reply will
   * go without showing the whole address to whoever picks the phone up next.
   */
  record ContactLeft(
      @Schema(requiredMode = REQUIRED, example = "TH-3F2B8C1E") String reference,
      @Schema(example = "r…@example.org") String email,
      @Schema(example = "…123") String phone) {

    static ContactLeft of(CallBackRequest request) {
      return request == null ? null : new ContactLeft(request.reference(), ContactDetails.maskEmail(request.email()),
          ContactDetails.maskPhone(request.phone()));
    }
  }

  /** The welcome, read-only: nothing is stored, so a page can show it without starting a conversation. */
  @Operation(summary = "Read the welcome", description = "The text and quick replies a new conversation starts "
      + "with, for a page to show before the resident has written. No token; nothing is stored. Cacheable for five "
      + "minutes.")
  @ApiResponse(responseCode = "200", description = "The welcome")
  @GetMapping("/welcome")
  ResponseEntity<Welcome> welcome() {
    TranscriptEntry line = residents.welcome();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(WELCOME_CACHED).cachePublic())
        .body(new Welcome(line.text(), line.options(), properties.maxTextLength(), callBacks.consent(),
            callBacks.emailReplies()));
  }

  @Operation(summary = "Start a conversation", description = "Start one when the resident first writes, not when "
      + "the page loads: a conversation in which the resident never writes is deleted after an hour.")
  @ApiResponse(responseCode = "201", description = "Started, with the bot's welcome as its first line")
  @ApiResponse(responseCode = "429", description = "Too many new conversations from this network address",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "503", description = STORE_DOWN,
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @PostMapping("/conversations")
  ResponseEntity<Started> start(jakarta.servlet.http.HttpServletRequest request) {
    // The resident's address; behind a trusted proxy, the one it forwarded (see README "Limits").
    RateLimits.Decision decision = limits.take(Limit.CONVERSATION_STARTS, request.getRemoteAddr());
    if (!decision.allowed()) {
      throw ApiException.tooManyRequests(
          "Too many new conversations from your network. Please wait a minute and try again.", decision.retryAfter());
    }
    String token = WebChatTokens.newToken();
    ConversationRecord conversation = residents.start(CHANNEL, null, WebChatTokens.hash(token));
    return ResponseEntity.status(HttpStatus.CREATED).body(new Started(conversation.id(), token));
  }

  @Operation(summary = "Send a message", security = @SecurityRequirement(name = WebChatApiDescription.TOKEN))
  @ApiResponse(responseCode = "202", description = "Received; the replies it produced so far")
  @ApiResponse(responseCode = "400", description = "Malformed JSON, missing or empty text, text too long, or a bad "
      + "clientMessageId", content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ConversationErrors
  @ApiResponse(responseCode = "415", description = "The body was not sent as application/json",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @PostMapping("/conversations/{id}/messages")
  ResponseEntity<Replies> send(@ConversationId @PathVariable String id,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
      String authorization,
      @Valid @RequestBody(required = false) Incoming incoming) {
    access.authorise(id, authorization);
    String text = validText(incoming);
    String messageId = incoming.clientMessageId() == null || incoming.clientMessageId().isBlank()
        ? UUID.randomUUID().toString()
        : incoming.clientMessageId();
    // Checked last: a refused message was not processed, so the client can send it again after Retry-After.
    RateLimits.Decision decision = limits.take(Limit.WEBCHAT_MESSAGES, id);
    if (!decision.allowed()) {
      throw ApiException.tooManyRequests("You're sending messages very quickly, so this one was not read. "
          + "Please wait a moment and send it again.", decision.retryAfter());
    }
    List<TranscriptEntry> added = steps.time(CHANNEL,
        () -> residents.receive(new InboundMessage(id, messageId, text)));
    // The first line is the resident's own message; the rest are the replies.
    List<WebChatMessage> replies = added.stream().skip(1).map(WebChatMessage::of).toList();
    // Only a confirmed erasure answers with lines and leaves no conversation behind.
    boolean erased = !added.isEmpty() && conversations.find(id).isEmpty();
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Replies(replies, erased));
  }

  @Operation(summary = "Read the conversation", security = @SecurityRequirement(name = WebChatApiDescription.TOKEN))
  @ApiResponse(responseCode = "200", description = "The state and the lines after 'after'")
  @ApiResponse(responseCode = "400", description = "'after' is not a number",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ConversationErrors
  @GetMapping("/conversations/{id}/messages")
  Transcript messages(@ConversationId @PathVariable String id,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
      String authorization,
      @Parameter(description = "Only lines with a greater seq (0: all)",
          schema = @Schema(type = "integer", format = "int64", minimum = "0", example = "0"))
      @RequestParam(defaultValue = "0") long after) {
    ConversationRecord conversation = access.authorise(id, authorization);
    List<WebChatMessage> lines = conversations.transcript(id, Math.max(0, after)).stream()
        .map(WebChatMessage::of)
        .toList();
    ConversationState state = conversation.state();
    QueueEstimates.Estimate queue = state == ConversationState.AWAITING_AGENT
        ? estimates.of(id).orElse(null)
        : null;
    return new Transcript(state.publicName(), lines, queue, conversations.isStaffTyping(conversation),
        ContactLeft.of(conversation.callBack()));
  }

  static final String STORE_DOWN = "The store is unreachable; nothing was written, try again";

  /** The conversation's id in a path, as the description shows it. */
  @Target(ElementType.PARAMETER)
  @Retention(RetentionPolicy.RUNTIME)
  @Parameter(description = "The conversationId from starting the conversation",
      schema = @Schema(pattern = ConversationIds.PATTERN, example = "3f2b8c1e-7a4d-4e2b-9c1a-5d6e7f8a9b0c"))
  @interface ConversationId {}

  /** The answers every call on one conversation may give besides its own. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ApiResponse(responseCode = "401", description = "No token",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "403", description = "Another conversation's token",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "404", description = "Unknown or expired conversation, or an id that cannot be one",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "503", description = STORE_DOWN,
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @interface ConversationErrors {}

  private String validText(Incoming incoming) {
    if (incoming == null) {
      throw ApiException.badRequest("Send a JSON body like {\"text\": \"...\"}.");
    }
    // Control characters (other than line breaks and tabs) are noise from broken clients, never meaning.
    String text = incoming.text().replaceAll("[\\p{Cc}&&[^\\n\\t]]", "").strip();
    if (text.isEmpty()) {
      throw ApiException.badRequest("The message is empty.");
    }
    // Counted as people see characters (code points): an emoji is one, not two.
    if (text.codePointCount(0, text.length()) > properties.maxTextLength()) {
      throw ApiException.badRequest("The message is longer than " + properties.maxTextLength() + " characters.");
    }
    return text;
  }
}
