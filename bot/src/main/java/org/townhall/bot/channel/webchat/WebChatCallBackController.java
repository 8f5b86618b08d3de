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
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.channel.webchat.WebChatController.ContactLeft;
import org.townhall.bot.channel.webchat.WebChatController.ConversationErrors;
import org.townhall.bot.channel.webchat.WebChatController.ConversationId;
import org.townhall.bot.conversation.CallBacks;
import org.townhall.bot.conversation.ContactDetails;
import org.townhall.bot.web.ApiError;
import org.townhall.bot.web.ApiException;

/**
 * A resident waiting for, or talking to, staff leaves an email address and/or a UK phone number, and
 * perhaps a short message, so that staff's reply reaches them after they have left the chat.
 */
@Tag(name = "Web chat")
@RestController
@RequestMapping("/api/webchat")
class WebChatCallBackController {

  private final ResidentAccess access;
  private final CallBacks callBacks;

  WebChatCallBackController(ResidentAccess access, CallBacks callBacks) {
    this.access = access;
    this.callBacks = callBacks;
  }

  /** Sizes are generous upper bounds against floods; the real rules are {@link ContactDetails}'s. */
  record Contact(
      @Schema(example = "resident@example.org", description = "Where to email staff's replies.")
      @Size(max = 320, message = "must be at most 320 characters") String email,
      @Schema(example = "07700 900123", description = "A UK number to call back: 01, 02, 03, 07 or 0800/0808, "
          + "spaces and +44 allowed.")
      @Size(max = 40, message = "must be at most 40 characters") String phone,
      @Schema(example = "Best after 5pm, please.", description = "Optional, at most 500 characters.")
      @Size(max = 2000, message = "must be at most 500 characters") String message) {}

  @Operation(summary = "Leave details for a reply", description = "While waiting for or talking to a member of "
      + "staff: an email address, a UK phone number, or both, and perhaps a short message. If the resident has left "
      + "the chat when staff reply, the reply is emailed to them (or they are called back). Kept with the "
      + "conversation and deleted with it. Sending again replaces what was left.",
      security = @SecurityRequirement(name = WebChatApiDescription.TOKEN))
  @ApiResponse(responseCode = "200", description = "Left; what the conversation now holds, masked")
  @ApiResponse(responseCode = "400", description = "Malformed JSON, neither an email address nor a phone number, "
      + "an address that cannot be written to, not a UK number, or a message over 500 characters",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ApiResponse(responseCode = "409", description = "Not waiting for or talking to a member of staff",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @ConversationErrors
  @ApiResponse(responseCode = "415", description = "The body was not sent as application/json",
      content = @Content(schema = @Schema(implementation = ApiError.class)))
  @PostMapping("/conversations/{id}/call-back")
  ContactLeft leave(@ConversationId @PathVariable String id,
      @Parameter(hidden = true) @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false)
      String authorization,
      @Valid @RequestBody(required = false) Contact contact) {
    access.authorise(id, authorization);
    if (contact == null) {
      throw ApiException.badRequest("Send a JSON body like {\"email\": \"...\", \"phone\": \"...\"}.");
    }
    try {
      ContactDetails details = ContactDetails.of(contact.email(), contact.phone(), contact.message());
      return callBacks.leave(id, details).map(ContactLeft::of).orElseThrow(() -> new ApiException(HttpStatus.CONFLICT,
          "You can leave your details while you wait for, or talk to, a member of staff."));
    } catch (ContactDetails.Invalid e) {
      throw ApiException.badRequest(e.getMessage());
    }
  }
}
