package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * Every page residents and staff use, in the states they see it (answers with quick replies, the
 * console with a conversation open, the admin page), checked in real Chromium against axe-core's
 * WCAG 2.0/2.1/2.2 A and AA rules: colour contrast, names of controls, roles, labels, landmarks. The
 * sign-in pages' other states (single sign-on, the one-time code) are checked by {@code SignInBrowserTests}; the
 * editors' pages are checked in {@code content.ContentEditingBrowserTests}, on an instance of their own
 * since they publish.
 */
@TownhallTest
class AccessibilityBrowserTests {

  @LocalServerPort
  int port;

  ChromeDriver browser;

  @BeforeEach
  void open() {
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  @Test
  void residentsAndStaffPagesMeetWcagAa() throws java.io.IOException {
    List<String> violations = new ArrayList<>();

    // The page's own stand-in, shown when the server's welcome cannot be read.
    browser.executeCdpCommand("Network.enable", Map.of());
    browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/webchat/welcome*")));
    browser.get(url("/"));
    waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#transcript .line.bot"), 0));
    violations.addAll(check("web chat without the server's welcome"));
    browser.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));

    browser.get(url("/"));
    waiting().until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#choices button"), 0));
    violations.addAll(check("web chat with quick replies"));
    browser.findElement(By.id("message")).sendKeys("can I speak to a person");
    browser.findElement(By.id("send")).click();
    waiting().until(d -> d.findElement(By.id("transcript")).getText().contains("member of our team"));
    violations.addAll(check("web chat waiting for a person"));
    Browser.click(waiting(), By.id("contact-open"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-phone")));
    browser.findElement(By.id("contact-phone")).sendKeys("12345");
    browser.findElement(By.id("contact-send")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-error")));
    violations.addAll(check("web chat leaving details, with a mistake"));
    browser.findElement(By.id("contact-phone")).clear();
    browser.findElement(By.id("contact-phone")).sendKeys("07700 900123");
    browser.findElement(By.id("contact-send")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-left")));
    violations.addAll(check("web chat with details left"));

    browser.manage().deleteAllCookies();
    browser.get(url("/console/login.html"));
    violations.addAll(check("console sign-in"));

    WebChatClient waiting = new WebChatClient(port);
    waiting.start();
    waiting.say("when is my bin collected");
    waiting.say("CF10 1EP");
    waiting.say("can I speak to a person");
    StaffClient api = new StaffClient(port);
    api.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    api.post("/conversations/" + waiting.conversationId + "/claim");
    api.reply(waiting.conversationId, "Hello, I can help.");

    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TownhallTest.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "admin"));
    By row = By.cssSelector("#queue button[data-id='" + waiting.conversationId + "']");
    Browser.click(waiting(), row);
    waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("Hello, I can help."));
    violations.addAll(check("console with a conversation open"));

    // A disclosure while staff have the conversation: the concern banner, the alert and the outlined line.
    waiting.say("my partner strangled me last night and I'm scared to go home");
    waiting().until(d -> d.findElement(By.id("concern-text")).getText().contains("Domestic abuse"));
    waiting().until(d -> d.findElement(By.id("safeguarding-alert")).isDisplayed()
        || !d.findElements(By.cssSelector("#transcript li.raised")).isEmpty());
    waiting().until(d -> !d.findElements(By.cssSelector("#transcript li.raised")).isEmpty());
    violations.addAll(check("console with a safeguarding concern"));
    java.nio.file.Files.write(java.nio.file.Path.of("target", "console-safeguarding.png"),
        ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));

    // A supervisor (the administrator is one) watching a conversation the bot has.
    WebChatClient withBot = new WebChatClient(port);
    withBot.start();
    withBot.say("when is my bin collected");
    Browser.click(waiting(), By.cssSelector("#with-bot-list button[data-watch='" + withBot.conversationId + "']"));
    waiting().until(d -> d.findElement(By.id("watch-transcript")).getText().contains("when is my bin collected"));
    violations.addAll(check("console watching a conversation with the bot"));

    // Desktop notifications switched on (allowed for this site first, as the browser's own prompt would).
    browser.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
        "permissions", List.of("notifications")));
    browser.findElement(By.id("notify-on")).click();
    waiting().until(d -> d.findElement(By.id("notify-status")).getText().startsWith("Desktop notifications on"));
    violations.addAll(check("console with desktop notifications on"));

    // The search page, with results and one opened.
    browser.get(url("/console/search.html"));
    waiting().until(d -> d.findElements(By.cssSelector("#outcome option")).size() > 1);
    violations.addAll(check("search page"));
    browser.findElement(By.id("reference")).sendKeys("TH-" + waiting.conversationId.substring(0, 8));
    browser.findElement(By.id("search")).click();
    Browser.click(waiting(), By.cssSelector("#results tr[data-id='" + waiting.conversationId + "'] button"));
    waiting().until(d -> d.findElement(By.id("opened-transcript")).getText().contains("Hello, I can help."));
    violations.addAll(check("search page with results and a conversation opened"));
    browser.findElement(By.id("words")).sendKeys("!!!");
    browser.findElement(By.id("reference")).clear();
    browser.findElement(By.id("search")).click();
    waiting().until(d -> d.findElement(By.id("search-message")).isDisplayed());
    violations.addAll(check("search page refusing a search"));

    browser.get(url("/console/call-backs.html"));
    Browser.click(waiting(), By.cssSelector("#cb-table tbody button"));
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cb-detail")));
    violations.addAll(check("call-back list with a call-back open"));

    browser.get(url("/console/admin.html"));
    waiting().until(d -> !d.findElements(By.cssSelector("table, form")).isEmpty());
    violations.addAll(check("admin page"));

    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  private List<String> check(String page) {
    return Axe.violations(browser, page);
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
