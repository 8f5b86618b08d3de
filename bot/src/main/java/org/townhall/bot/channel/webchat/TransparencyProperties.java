package org.townhall.bot.channel.webchat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What the public accessibility statement ({@code /accessibility}) and transparency record
 * ({@code /transparency}) say that the bot cannot know by itself: who runs it and how to reach them,
 * and what was measured and tested. The rest of both pages comes from the running bot.
 *
 * @param organisation the council, e.g. "Demo Council"
 * @param team the team that runs the assistant, e.g. "Customer services"
 * @param seniorResponsibleOwner the role accountable for it (Algorithmic Transparency Recording Standard, tier 2)
 * @param contactEmail where residents write about it, and about accessibility problems
 * @param contactPhone a number for the same, or empty
 * @param transparencyPage false: {@code /transparency} is not served (404)
 * @param measuredAccuracy how well the assistant understands, as measured (docs/nlu.md), in words
 * @param accessibility the accessibility statement's own facts
 */
@Validated
@ConfigurationProperties("townhall.transparency")
record TransparencyProperties(
    @NotBlank @Size(max = 100) String organisation,
    @NotBlank @Size(max = 100) String team,
    @NotBlank @Size(max = 100) String seniorResponsibleOwner,
    @NotBlank @Size(max = 200) @Pattern(regexp = "[^\\s@<>\"']+@[^\\s@<>\"']+\\.[^\\s@<>\"']+",
        message = "must be an email address") String contactEmail,
    @NotNull @Size(max = 40) @Pattern(regexp = "[0-9 +()-]*", message = "must be a phone number or empty")
    String contactPhone,
    boolean transparencyPage,
    @NotBlank @Size(max = 1000) String measuredAccuracy,
    @Valid @NotNull Accessibility accessibility) {

  /** Whether the web chat meets WCAG 2.2 AA in full, or in part (then the known issues say where not). */
  enum Compliance { FULL, PARTIAL }

  /**
   * @param compliance full or partial
   * @param knownIssues what does not meet WCAG 2.2 AA yet, in plain words (required when partial)
   * @param preparedOn when the statement was first prepared
   * @param reviewedOn when it was last reviewed
   * @param testedOn when the chat was last tested
   * @param testedBy who tested it and how
   * @param responseDays how many working days the council takes to answer a report
   */
  record Accessibility(
      @NotNull Compliance compliance,
      @NotNull @Size(max = 20) List<@NotBlank @Size(max = 300) String> knownIssues,
      @NotNull LocalDate preparedOn,
      @NotNull LocalDate reviewedOn,
      @NotNull LocalDate testedOn,
      @NotBlank @Size(max = 300) String testedBy,
      @Min(1) @Max(60) int responseDays) {

    @jakarta.validation.constraints.AssertTrue(message = "known-issues must say what is not accessible when "
        + "compliance is partial")
    boolean isPartialExplained() {
      return compliance != Compliance.PARTIAL || (knownIssues != null && !knownIssues.isEmpty());
    }
  }
}
