package org.townhall.bot.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;

/**
 * What the editors' pages' browser tests share: a bot instance of their own (they change the draft and
 * publish), an editor who is not an agent, a fresh headless Chromium on an empty draft for each test,
 * and signing in. Test classes run one after another, each with its own instance.
 */
abstract class EditorsPageBrowserTest {

  static final String EDITOR = "edna";
  static final String EDITOR_PASSWORD = "edna-edits-content-1";

  static BotInstance bot;
  static StaffClient admin;

  ChromeDriver browser;

  @BeforeAll
  static void start() {
    bot = ContentEditor.instance();
    admin = ContentEditor.administratorOf(bot);
    assertThat(admin.postJson("/admin/staff", Map.of("username", EDITOR, "password", EDITOR_PASSWORD,
        "roles", List.of("EDITOR"), "teams", List.of())).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    if (bot != null) {
      bot.close();
    }
  }

  @BeforeEach
  void openBrowserOnAnEmptyDraft() {
    admin.send(admin.request("/api/console/content/draft").header("X-XSRF-TOKEN", admin.csrf()).DELETE());
    browser = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    browser.quit();
  }

  /** The editor signs in and lands on the editors' pages. */
  void signInAsTheEditor() {
    browser.get(url("/console/"));
    waiting().until(ExpectedConditions.urlContains("/console/login.html"));
    signIn(EDITOR, EDITOR_PASSWORD);
    waiting().until(ExpectedConditions.urlContains("/console/content.html"));
    waiting().until(ExpectedConditions.textToBe(By.id("me"), EDITOR));
  }

  /** Anyone signs in on the login page; where they land depends on their roles. */
  void signIn(String username, String password) {
    if (!browser.getCurrentUrl().contains("/console/login.html")) {
      browser.get(url("/console/login.html"));
    }
    find("#username").sendKeys(username);
    find("#password").sendKeys(password);
    find("#sign-in").click();
    waiting().until(ExpectedConditions.not(ExpectedConditions.urlContains("/console/login.html")));
  }

  WebElement find(String css) {
    return browser.findElement(By.cssSelector(css));
  }

  WebDriverWait waiting() {
    return waiting(Duration.ofSeconds(15));
  }

  WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  String url(String path) {
    return "http://127.0.0.1:" + bot.port() + path;
  }
}
