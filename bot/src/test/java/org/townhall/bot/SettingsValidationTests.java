package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A bad setting stops start-up, and the report names the setting as the README and application.yml
 * write it, so an operator knows what to fix. Every settings record of the application is bound with
 * application.yml's defaults plus one bad value, given as an environment variable (as the README
 * tells operators to: {@code TOWNHALL_WEBCHAT_MAXTEXTLENGTH=0}), whose source does not record the
 * setting's written name.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTests {

  /** Every {@code @ConfigurationProperties} record of the application, bound as at start-up. */
  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan(basePackageClasses = TownhallApplication.class)
  static class AllSettings {}

  @Test
  void theShippedDefaultsAreValid() {
    new ApplicationContextRunner()
        .withInitializer(new ConfigDataApplicationContextInitializer())
        .withUserConfiguration(AllSettings.class)
        .run(context -> assertThat(context).hasNotFailed());
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      townhall.webchat.max-text-length                 | 0
      townhall.limits.conversation-starts.count        | 0
      townhall.redis.pool-max-total                    | 0
      townhall.redis.key-prefix                        | 'th :'
      townhall.redis.connect-timeout                   | 0s
      townhall.retention.conversations                 | 0s
      townhall.retention.empty-conversations           | -1h
      townhall.conversation.idle-timeout               | 0s
      townhall.conversation.call-back.sweep            | 0s
      townhall.conversation.call-back.gone-after       | 10s
      townhall.email.max-attempts                      | 0
      townhall.email.retry-backoff                     | 0s
      townhall.email.subject                           | ' '
      townhall.handoff.estimates.default-handling-time | 0s
      townhall.console.max-conversations-per-agent     | 0
      townhall.console.heartbeat                       | 0s
      townhall.telegram.workers                        | 0
      townhall.telegram.max-attempts                   | -1
      townhall.telegram.poll-timeout                   | 0s
      townhall.nlu.answer-threshold                    | 1.5
      townhall.nlu.clarify-threshold                   | -0.1
      townhall.safeguarding.emergency-duty-team        | ' '
      townhall.security.admin-username                 | 'Admin User'
      townhall.security.admin-password                 | short-pw
      """)
  void aBadSettingStopsStartUpNamingIt(String property, String value, CapturedOutput output) {
    assertThatThrownBy(() -> startWith(Map.of(environmentVariable(property), value))).isNotNull();

    String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
    assertThat(report).as("the start-up report names the setting").contains(property + " = ");
    if (property.contains("password")) {
      assertThat(report).as("a password is never printed").doesNotContain(value);
    }
  }

  @Test
  void singleSignOnSwitchedOnWithoutWhatItNeedsStopsStartUpSayingWhatIsMissing(CapturedOutput output) {
    assertThatThrownBy(() -> startWith(Map.of("TOWNHALL_SECURITY_OIDC_ENABLED", "true",
        "TOWNHALL_SECURITY_OIDC_ISSUERURI", "http://login.example.org/tenant/v2.0",
        "TOWNHALL_OIDC_CLIENT_SECRET", "the-client-secret-value",
        "TOWNHALL_SECURITY_OIDC_GRANTS_0_CLAIMVALUE", "Townhall.King",
        "TOWNHALL_SECURITY_OIDC_GRANTS_0_ROLES_0", "KING"))).isNotNull();

    String report = output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START"));
    assertThat(report).contains("issuer-uri must be the provider's https address")
        .contains("client-id must be set").contains("townhall.security.oidc.grants[0].roles[0] = \"KING\"")
        .doesNotContain("the-client-secret-value");
  }

  @Test
  void singleSignOnThatNoClaimGivesARoleOrWithoutPasswordsAsWellStopsStartUp(CapturedOutput output) {
    assertThatThrownBy(() -> startWith(Map.of("TOWNHALL_SECURITY_OIDC_PASSWORDSIGNIN", "false"))).isNotNull();
    assertThat(output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START")))
        .contains("password-sign-in can be false only while townhall.security.oidc.enabled is true");

    assertThatThrownBy(() -> startWith(Map.of("TOWNHALL_SECURITY_OIDC_ENABLED", "true",
        "TOWNHALL_SECURITY_OIDC_ISSUERURI", "https://login.example.org/tenant/v2.0",
        "TOWNHALL_SECURITY_OIDC_CLIENTID", "townhall", "TOWNHALL_OIDC_CLIENT_SECRET", "the-client-secret-value",
        "TOWNHALL_SECURITY_OIDC_GRANTS_0_CLAIMVALUE", "Townhall.CouncilTax",
        "TOWNHALL_SECURITY_OIDC_GRANTS_0_TEAMS_0", "council-tax"))).isNotNull();
    assertThat(output.getAll().substring(output.getAll().lastIndexOf("APPLICATION FAILED TO START")))
        .contains("grants must give at least one claim value a role").doesNotContain("the-client-secret-value");
  }

  /** The form the README documents for the environment: upper case, dots to underscores, no dashes. */
  private static String environmentVariable(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
  }

  private static void startWith(Map<String, Object> environmentVariables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
        environmentVariables));
    new SpringApplicationBuilder(AllSettings.class).web(WebApplicationType.NONE).environment(environment)
        .logStartupInfo(false).run("--spring.main.banner-mode=off").close();
  }
}
