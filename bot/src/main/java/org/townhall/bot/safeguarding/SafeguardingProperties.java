package org.townhall.bot.safeguarding;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The council's own numbers that safeguarding help names ({@code {children_services}} and so on in
 * the pack's help texts). Demo numbers by default: a council sets its own before going live.
 *
 * @param childrenServices children's services (referrals, a child at risk)
 * @param adultServices adult services (an adult at risk)
 * @param housingOptions housing options (homeless tonight)
 * @param emergencyDutyTeam the out-of-hours emergency duty team, any time
 */
@Validated
@ConfigurationProperties("townhall.safeguarding")
record SafeguardingProperties(
    @NotBlank(message = SET) String childrenServices,
    @NotBlank(message = SET) String adultServices,
    @NotBlank(message = SET) String housingOptions,
    @NotBlank(message = SET) String emergencyDutyTeam) {

  private static final String SET = "must be set: residents at risk are given this number";

  /** The number for a help text's placeholder, e.g. {@code emergency_duty_team}. */
  String number(String placeholder) {
    return switch (placeholder) {
      case "children_services" -> childrenServices;
      case "adult_services" -> adultServices;
      case "housing_options" -> housingOptions;
      case "emergency_duty_team" -> emergencyDutyTeam;
      default -> throw new IllegalArgumentException("unknown placeholder " + placeholder);
    };
  }
}
