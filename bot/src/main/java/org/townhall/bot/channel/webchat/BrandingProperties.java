package org.townhall.bot.channel.webchat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the chat page carries the council's brand: the service's name and line under it, a logo, the
 * header's colours, the colour of links and buttons, and the footer's links (privacy notice,
 * accessibility statement, contact us). Every colour pair a resident reads must meet WCAG 2.2 AA
 * (4.5:1 for text): a brand that would not stops the start-up, naming the pair.
 *
 * @param serviceName the page's heading, e.g. "Ask Demo Council"
 * @param tagline the line under it while the contact centre is open
 * @param logoUrl an image shown before the heading, as a path on this site (serve it with
 *     {@code spring.web.resources.static-locations}), or empty
 * @param logoAlt the logo's text alternative, e.g. "Demo Council"
 * @param headerColour the header's background, as #rrggbb
 * @param headerText the header's text, as #rrggbb
 * @param accentColour links and the outlines of quick replies on white, as #rrggbb
 * @param footerLinks the links under the chat
 */
@Validated
@ConfigurationProperties("townhall.branding")
record BrandingProperties(
    @NotBlank @Size(max = 60) String serviceName,
    @NotNull @Size(max = 200) String tagline,
    // A path on this site: the page's Content-Security-Policy loads images from here only.
    @Pattern(regexp = "|/[^\\s\"'<>()]*", message = "must be a path on this site, e.g. /brand/logo.svg")
    String logoUrl,
    @Size(max = 100) String logoAlt,
    @NotNull @Pattern(regexp = COLOUR, message = COLOUR_RULE) String headerColour,
    @NotNull @Pattern(regexp = COLOUR, message = COLOUR_RULE) String headerText,
    @NotNull @Pattern(regexp = COLOUR, message = COLOUR_RULE) String accentColour,
    @NotNull @Size(max = 10) List<@Valid @NotNull Link> footerLinks) {

  static final String COLOUR = "#[0-9a-fA-F]{6}";
  static final String COLOUR_RULE = "must be a colour written #rrggbb";
  /** WCAG 2.2 AA, success criterion 1.4.3, for normal-size text. */
  static final double AA_TEXT = 4.5;
  private static final String WHITE = "#ffffff";

  /**
   * A footer link.
   *
   * @param text what it says, e.g. "Privacy notice"
   * @param url where it goes: an https address or a path on this site
   */
  record Link(@NotBlank @Size(max = 60) String text,
      @NotNull @Pattern(regexp = "https://[^\\s\"'<>()]+|/[^\\s\"'<>()]*", message = "must be an https address or a path")
      String url) {}

  /** The header's text on its background. */
  @AssertTrue(message = "header-text on header-colour must have a contrast of at least 4.5:1 (WCAG 2.2 AA)")
  boolean isHeaderReadable() {
    return !valid(headerColour) || !valid(headerText) || Contrast.ratio(headerText, headerColour) >= AA_TEXT;
  }

  /** Links and quick-reply buttons on the page's white. */
  @AssertTrue(message = "accent-colour on white must have a contrast of at least 4.5:1 (WCAG 2.2 AA)")
  boolean isAccentReadable() {
    return !valid(accentColour) || Contrast.ratio(accentColour, WHITE) >= AA_TEXT;
  }

  private static boolean valid(String colour) {
    return colour != null && colour.matches(COLOUR);
  }
}
