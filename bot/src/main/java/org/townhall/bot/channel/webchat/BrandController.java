package org.townhall.bot.channel.webchat;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's brand for the chat page: its words and links as JSON, its colours as a style sheet
 * (the page allows no inline style). Both are checked at start-up ({@link BrandingProperties}).
 */
@Tag(name = "Web chat")
@RestController
class BrandController {

  private static final Duration CACHED = Duration.ofMinutes(5);

  private final BrandingProperties brand;

  BrandController(BrandingProperties brand) {
    this.brand = brand;
  }

  record Brand(
      @Schema(requiredMode = REQUIRED, example = "Ask Demo Council") String serviceName,
      @Schema(requiredMode = REQUIRED) String tagline,
      @Schema(description = "Absent when the council shows no logo") String logoUrl,
      String logoAlt,
      @Schema(requiredMode = REQUIRED) List<BrandingProperties.Link> footerLinks) {}

  @Operation(summary = "Read the council's brand", description = "The chat page's heading, the line under it, the "
      + "logo and the footer's links, as the council configured them (townhall.branding). Cacheable for five minutes.")
  @ApiResponse(responseCode = "200", description = "The brand")
  @GetMapping("/api/webchat/brand")
  ResponseEntity<Brand> brand() {
    String logo = brand.logoUrl() == null || brand.logoUrl().isBlank() ? null : brand.logoUrl();
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHED).cachePublic())
        .body(new Brand(brand.serviceName(), brand.tagline(), logo, logo == null ? null : brand.logoAlt(),
            brand.footerLinks()));
  }

  /** The brand's colours, over the page's own style sheet (validated #rrggbb values only). */
  @GetMapping(value = "/webchat/brand.css", produces = "text/css")
  ResponseEntity<String> styles() {
    String css = ":root { --accent: " + brand.accentColour() + "; --accent-dark: " + brand.headerColour() + "; }\n"
        + ".masthead { background: " + brand.headerColour() + "; color: " + brand.headerText() + "; }\n"
        + ".end-chat { color: " + brand.accentColour() + "; }\n";
    return ResponseEntity.ok().cacheControl(CacheControl.maxAge(CACHED).cachePublic())
        .contentType(MediaType.valueOf("text/css")).body(css);
  }
}
