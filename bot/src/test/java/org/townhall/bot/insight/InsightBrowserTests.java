package org.townhall.bot.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
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
 * The insight page in real Chromium, for a MANAGER (read-only, lands on it after signing in): its
 * charts are drawn by the shipped Chart.js with a table behind each, at a desktop's size and a
 * phone's, and it meets axe-core's WCAG 2.2 A and AA rules at both. A manager reads the figures,
 * and nothing else.
 */
@TownhallTest
class InsightBrowserTests {

  private static final List<String> CHARTS = List.of("daily", "escalations", "helped", "times", "wrap-ups", "teams",
      "staff", "topics");

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
  void aManagerSeesEveryChartWithItsTableAtBothSizesAndThePageMeetsWcagAa() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "mina", "password", "mina-password-1",
        "roles", List.of("MANAGER"))).status()).isEqualTo(200);
    // Something to chart: an answer that helped, one that did not, and a person who took it and closed it.
    WebChatClient helped = new WebChatClient(port);
    helped.start();
    helped.say("how do I pay my council tax");
    helped.say("yes");
    WebChatClient notHelped = new WebChatClient(port);
    notHelped.start();
    notHelped.say("how do I pay my council tax");
    notHelped.say("no");
    notHelped.say("speak to a person");
    assertThat(admin.post("/conversations/" + notHelped.conversationId + "/claim").status()).isEqualTo(200);
    admin.reply(notHelped.conversationId, "Hello, I can help.");
    assertThat(admin.postJson("/conversations/" + notHelped.conversationId + "/close",
        Map.of("wrapUp", "resolved")).status()).isEqualTo(200);

    StaffClient manager = new StaffClient(port);
    assertThat(manager.signIn("mina", "mina-password-1").status()).isEqualTo(302);
    assertThat(manager.get("/insight").status()).isEqualTo(200);
    assertThat(manager.get("/insight.csv?table=escalations").raw().body()).startsWith("reason,label,count");
    assertThat(manager.get("/queue").status()).as("no conversations for a manager").isEqualTo(403);
    assertThat(manager.get("/admin/staff").status()).isEqualTo(403);

    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.get(url("/console/login.html"));
    browser.findElement(By.id("username")).sendKeys("mina");
    browser.findElement(By.id("password")).sendKeys("mina-password-1");
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.urlContains("/console/insight.html"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("staff-chart")));

    for (String chart : CHARTS) {
      Object points = browser.executeScript("const c = Chart.getChart(document.getElementById(arguments[0]));"
          + "return c ? c.data.datasets.reduce((n, d) => n + d.data.length, 0) : -1;", chart + "-chart");
      assertThat(((Number) points).intValue()).as("points drawn in %s", chart).isPositive();
      assertThat(browser.findElement(By.id(chart + "-table")).getText()).as("%s's table", chart).isNotBlank();
    }
    assertThat(browser.findElement(By.id("escalations-table")).getText())
        .contains("Said an answer did not help, then asked for a person");
    assertThat(browser.findElement(By.id("staff-table")).getText()).contains("admin");
    assertThat(browser.findElement(By.id("helped-table")).getText()).contains("Pay council tax");
    assertThat(browser.findElement(By.cssSelector("a.csv[data-table='totals']")).getAttribute("href"))
        .contains("/api/console/insight.csv?").contains("table=totals");

    Browser.screenshot(browser, "insight-1280x800");
    browser.executeScript("document.getElementById('escalations-title').scrollIntoView()");
    Browser.screenshot(browser, "insight-1280x800-charts");
    browser.executeScript("document.getElementById('teams-title').scrollIntoView()");
    Browser.screenshot(browser, "insight-1280x800-teams");
    browser.executeScript("window.scrollTo(0, 0)");
    List<String> violations = new ArrayList<>(Axe.violations(browser, "insight at 1280x800"));
    browser.manage().window().setSize(new Dimension(390, 844));
    waiting().until(d -> ((Number) browser.executeScript("return document.documentElement.clientWidth")).intValue()
        < 500);
    Object overflow = browser.executeScript(
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
    Browser.screenshot(browser, "insight-390x844");
    violations.addAll(Axe.violations(browser, "insight at 390x844"));

    // A period the API refuses is said on the page, as the API says it.
    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.executeScript("document.getElementById('from').value = '2020-01-01';"
        + "document.getElementById('to').value = '2026-01-01';");
    browser.findElement(By.id("show")).click();
    waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("insight-message")));
    assertThat(browser.findElement(By.id("insight-message")).getText()).contains("too long");
    violations.addAll(Axe.violations(browser, "insight refusing a period"));

    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
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
