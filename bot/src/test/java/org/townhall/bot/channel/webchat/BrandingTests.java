package org.townhall.bot.channel.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.autoconfigure.AutoConfigurations;

/** The council's brand meets WCAG 2.2 AA, or the bot does not start. */
class BrandingTests {

  @EnableConfigurationProperties(BrandingProperties.class)
  static class Brand {}

  private final ApplicationContextRunner context = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class,
          ValidationAutoConfiguration.class))
      .withUserConfiguration(Brand.class)
      .withPropertyValues("townhall.branding.service-name=Ask Demo Council", "townhall.branding.tagline=Hello",
          "townhall.branding.header-colour=#003078", "townhall.branding.header-text=#ffffff",
          "townhall.branding.accent-colour=#1d70b8", "townhall.branding.footer-links[0].text=Privacy notice",
          "townhall.branding.footer-links[0].url=https://www.example.gov.uk/privacy");

  @ParameterizedTest(name = "{0} on {1} is {2}:1")
  @CsvSource({"#000000, #ffffff, 21.0", "#ffffff, #003078, 12.40", "#1d70b8, #ffffff, 5.17", "#777777, #ffffff, 4.48",
      "#ffffff, #ffffff, 1.0"})
  void contrastIsWcagsRatio(String foreground, String background, double expected) {
    assertThat(Contrast.ratio(foreground, background)).isCloseTo(expected, within(0.01));
  }

  @Test
  void theShippedBrandStarts() {
    context.run(started -> assertThat(started).hasNotFailed());
  }

  @Test
  void aHeaderTooPaleToReadStopsTheStartUp() {
    context.withPropertyValues("townhall.branding.header-colour=#777777", "townhall.branding.header-text=#888888")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("header-text on header-colour must have a contrast of at least 4.5:1"));
  }

  @Test
  void anAccentTooPaleOnWhiteStopsTheStartUp() {
    context.withPropertyValues("townhall.branding.accent-colour=#7fb2e5")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("accent-colour on white"));
  }

  @Test
  void aLogoFromAnotherSiteOrAColourNotWrittenRrggbbStopsTheStartUp() {
    context.withPropertyValues("townhall.branding.logo-url=https://tracker.example/logo.png")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("must be a path on this site"));
    context.withPropertyValues("townhall.branding.accent-colour=blue")
        .run(started -> assertThat(started).hasFailed().getFailure().rootCause()
            .hasMessageContaining("#rrggbb"));
  }
}
