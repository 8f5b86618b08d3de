package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.townhall.bot.support.AuthenticatorApp;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.IdentityProvider;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Signing in to the console as staff do, in real headless Chromium at 1280×800 with the embedded store:
 * through the council's identity provider (a real OpenID Connect provider on another loopback site, so the
 * browser's cross-site cookie rules apply), and with a password and a code from an authenticator app.
 * Every state of the sign-in pages is checked against WCAG 2.2 AA with axe-core; screenshots go to
 * {@code target/screenshots/}.
 */
class SignInBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private static IdentityProvider provider;
  private static BotInstance bot;

  private ChromeDriver browser;
  private final List<String> violations = new ArrayList<>();

  @BeforeAll
  static void start() {
    provider = IdentityProvider.startWithSignInPage();
    List<String> settings = new ArrayList<>(provider.settings());
    settings.addAll(List.of("townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD,
        TownhallTest.ALWAYS_OPEN_DAYS, "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00"));
    bot = BotInstance.start(settings.toArray(String[]::new));
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
    if (provider != null) {
      provider.close();
    }
  }

  @BeforeEach
  void open() {
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void aMemberOfStaffSignsInWithTheCouncilsProviderAndSeesTheQueue() throws IOException {
    WebChatClient resident = new WebChatClient(bot.port());
    resident.start();
    resident.say("how do I pay my council tax");
    resident.say("can I speak to a person");
    browser.get(url("/console/login.html"));
    waiting().until(ExpectedConditions.textToBe(By.id("provider-sign-in"), "Sign in with Council SSO"));
    violations.addAll(Axe.violations(browser, "sign-in page with single sign-on"));

    browser.findElement(By.id("provider-sign-in")).click();
    signInAtTheProvider("sam-subject", "{\"preferred_username\": \"sam.jones@council.gov.uk\", \"name\": \"Sam Jones\", "
        + "\"roles\": [\"Townhall.Agent\", \"Townhall.CouncilTax\"]}");

    waiting().until(ExpectedConditions.textToBe(By.id("me"), "sam.jones@council.gov.uk"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#queue button[data-id='" + resident.conversationId + "']")));
    assertThat(browser.getCurrentUrl()).isEqualTo(url("/console/"));
    assertThat(browser.findElement(By.id("second-factor-open")).isDisplayed()).as("the provider's own second step")
        .isFalse();
    screenshot("console-single-sign-on");

    browser.findElement(By.cssSelector("#logout button")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("login-message"), "You have signed out."));
    waiting().until(ExpectedConditions.textToBe(By.id("provider-sign-in"), "Sign in with Council SSO"));
    browser.findElement(By.id("provider-sign-in")).click();
    signInAtTheProvider("lee-subject", "{\"preferred_username\": \"lee@council.gov.uk\", \"roles\": "
        + "[\"Townhall.CouncilTax\"]}");

    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("login-message"),
        "You signed in with Council SSO, but your account has no role in the Townhall staff console"));
    violations.addAll(Axe.violations(browser, "sign-in page, refused for want of a role"));
    browser.get(url("/console/"));
    assertThat(browser.getCurrentUrl()).as("not signed in").startsWith(url("/console/login.html"));
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void aMemberOfStaffSetsUpTwoStepSignInAndThenGivesACodeAfterThePassword() throws IOException {
    StaffClient admin = new StaffClient(bot.port());
    admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    admin.postJson("/admin/staff", Map.of("username", "ann", "password", "ann-password-12", "roles", List.of("AGENT")));
    admin.postJson("/admin/staff", Map.of("username", "bob", "password", "bob-password-12", "roles", List.of("AGENT")));

    signInWithPassword("ann", "ann-password-12");
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "ann"));
    Browser.click(waiting(), By.id("second-factor-open"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("second-factor-qr")));
    violations.addAll(Axe.violations(browser, "console, setting up two-step sign-in"));
    screenshot("console-two-step-set-up");
    String key = browser.findElement(By.id("second-factor-key")).getText();
    browser.findElement(By.id("second-factor-code")).sendKeys(AuthenticatorApp.code(key));
    browser.findElement(By.id("second-factor-confirm")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("second-factor-message"),
        "Two-step sign-in is on."));
    browser.findElement(By.id("second-factor-close")).click();
    browser.findElement(By.cssSelector("#logout button")).click();

    signInWithPassword("ann", "ann-password-12");
    waiting().until(ExpectedConditions.urlToBe(url("/console/code.html")));
    violations.addAll(Axe.violations(browser, "one-time code page"));
    browser.findElement(By.id("code")).sendKeys("000000".equals(AuthenticatorApp.code(key)) ? "111111" : "000000");
    browser.findElement(By.id("send-code")).click();
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("code-message"), "That code is not right"));
    violations.addAll(Axe.violations(browser, "one-time code page after a wrong code"));
    browser.findElement(By.id("code")).sendKeys(AuthenticatorApp.code(key));
    browser.findElement(By.id("send-code")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "ann"));
    browser.findElement(By.cssSelector("#logout button")).click();

    try {
      admin.postJson("/admin/second-factor", Map.of("required", true));
      signInWithPassword("bob", "bob-password-12");
      waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("enrol-qr")));
      violations.addAll(Axe.violations(browser, "one-time code page, setting up at sign-in"));
      screenshot("sign-in-two-step-set-up");
      browser.findElement(By.id("code")).sendKeys(
          AuthenticatorApp.code(browser.findElement(By.id("enrol-secret")).getText()));
      browser.findElement(By.id("send-code")).click();
      waiting().until(ExpectedConditions.textToBe(By.id("me"), "bob"));
    } finally {
      admin.postJson("/admin/second-factor", Map.of("required", false));
    }
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  /** On the provider's own page (another site): who, and the claims its ID token is to carry. */
  private void signInAtTheProvider(String subject, String claims) {
    waiting().until(ExpectedConditions.urlContains(provider.issuer() + "/authorize"));
    browser.findElement(By.name("username")).sendKeys(subject);
    browser.findElement(By.name("claims")).sendKeys(claims);
    browser.findElement(By.cssSelector("input[type=submit]")).click();
  }

  private void signInWithPassword(String username, String password) {
    browser.get(url("/console/login.html"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    browser.findElement(By.id("username")).sendKeys(username);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
  }

  private void screenshot(String name) throws IOException {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static String url(String path) {
    return "http://127.0.0.1:" + bot.port() + path;
  }
}
