package org.townhall.bot.channel.webchat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.townhall.bot.handoff.OfficeHours;
import org.townhall.bot.store.StaffStore;

/**
 * Whether people are there right now, so the chat page's header tells the truth before the resident
 * writes: the contact centre is open, or away until its next opening; the bot is answering, or
 * paused so that every message goes to a person.
 */
@Tag(name = "Web chat")
@RestController
@RequestMapping("/api/webchat")
class ServiceStatusController {

  private static final Duration CACHED = Duration.ofSeconds(30);

  private final OfficeHours officeHours;
  private final StaffStore staff;
  private final Clock clock;

  ServiceStatusController(OfficeHours officeHours, StaffStore staff, Clock clock) {
    this.officeHours = officeHours;
    this.staff = staff;
    this.clock = clock;
  }

  /**
   * @param staffAvailable whether the contact centre is open now
   * @param staffBack when it next opens, in words ("Monday at 8:30am"), while it is closed
   * @param botPaused whether the council has paused the bot: every message goes to a person
   */
  record ServiceStatus(
      @Schema(requiredMode = REQUIRED) boolean staffAvailable,
      @Schema(description = "Only while the contact centre is closed", example = "Monday at 8:30am") String staffBack,
      @Schema(requiredMode = REQUIRED) boolean botPaused) {}

  @Operation(summary = "Read whether people are there", description = "Whether the contact centre is open now "
      + "(and when it opens next if not), and whether the bot is paused. No token; nothing is stored. Cacheable for "
      + "30 seconds.")
  @ApiResponse(responseCode = "200", description = "Now")
  @GetMapping("/service")
  ResponseEntity<ServiceStatus> service() {
    Instant now = clock.instant();
    boolean open = officeHours.isOpen(now);
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(CACHED).cachePublic())
        .body(new ServiceStatus(open, open ? null : officeHours.nextOpeningSpoken(now), staff.botPause().isPresent()));
  }
}
