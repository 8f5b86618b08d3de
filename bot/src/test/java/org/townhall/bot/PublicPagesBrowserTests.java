package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.content.AnswerCatalog;
import org.townhall.bot.nlu.IntentUnderstanding;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.Http.Reply;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The public accessibility statement and transparency record: reached from the chat page's footer
 * without signing in, filled from the settings and the running bot, and meeting WCAG 2.2 AA (axe-core
 * in real Chromium) at desktop and phone sizes.
 */
@TownhallTest
class PublicPagesBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  AnswerCatalog catalog;

  @Autowired
  IntentUnderstanding understanding;

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
  void theAccessibilityStatementIsLinkedFromTheChatAndFollowsTheModelStatement() {
    browser.get("http://127.0.0.1:" + port + "/");
    Browser.click(Browser.waiting(browser), By.linkText("Accessibility statement"));
    Browser.waiting(browser).until(ExpectedConditions.titleContains("Accessibility statement"));

    assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accessibility statement for Ask the council");
    assertThat(texts("h2")).containsSubsequence("How accessible this service is", "Feedback and contact information",
        "Reporting accessibility problems with this service", "Enforcement procedure",
        "Technical information about this service's accessibility", "Preparation of this accessibility statement");
    String body = browser.findElement(By.tagName("main")).getText();
    assertThat(body).contains("This service is run by Demo Council.", "email contact@example.gov.uk",
        "call 0300 000 0000", "get back to you in 5 working days",
        "fully compliant with the Web Content Accessibility Guidelines version 2.2 AA standard",
        "This statement was prepared on 3 December 2026.");
    assertThat(meetsWcag("accessibility statement")).isEmpty();
  }

  @Test
  void theTransparencyRecordSaysHowItDecidesFromTheRunningBot() {
    browser.get("http://127.0.0.1:" + port + "/");
    Browser.click(Browser.waiting(browser), By.linkText("How this assistant works"));
    Browser.waiting(browser).until(ExpectedConditions.titleContains("How this assistant works"));

    assertThat(texts("h2")).containsExactly("Tier 1: summary", "Tier 2: details");
    assertThat(texts("h3")).containsExactly("1. Owner and responsibility", "2. Description and rationale",
        "3. Decision-making process", "4. Tool specification and performance", "5. Data", "6. Risks and mitigations");
    String body = browser.findElement(By.tagName("main")).getText();
    int topics = (int) catalog.pack().intents().stream().filter(i -> !i.id().equals("oos")).count();
    assertThat(body).contains("The assistant answers questions on " + topics + " topics (live)",
        String.format(java.util.Locale.UK, "If the best score is at least %.2f", understanding.thresholds().answer()),
        "Conversations and their messages: deleted 90 days after their last message.",
        "A chat opened but never written in: deleted after 1 hour.",
        "Senior responsible owner", "Head of Customer Services");
    assertThat(browser.findElement(By.linkText("privacy notice")).getAttribute("href"))
        .isEqualTo("https://www.example.gov.uk/privacy/chat");
    assertThat(meetsWcag("transparency record")).isEmpty();
  }

  @Test
  void bothPagesAreReadWithoutSigningInAndHoldNoScript() {
    WebChatClient anyone = new WebChatClient(port);
    for (String path : List.of("/accessibility", "/transparency")) {
      Reply page = anyone.send(anyone.request(path).setHeader("Accept", "text/html").GET());
      assertThat(page.status()).as(path).isEqualTo(200);
      assertThat(page.raw().body()).as(path).startsWith("<!doctype html>").doesNotContain("<script");
      assertThat(page.raw().headers().firstValue("Content-Security-Policy")).as(path).isPresent();
    }
  }

  private List<String> meetsWcag(String page) {
    List<String> violations = new ArrayList<>(Axe.violations(browser, page + " (desktop)"));
    browser.manage().window().setSize(new Dimension(375, 812));
    violations.addAll(Axe.violations(browser, page + " (phone)"));
    return violations;
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }
}
