package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * A member of staff closes a conversation in the console; the resident answers the satisfaction
 * question; the console shows their rating on the closed conversation without a reload, and the
 * admin page shows it by team with the comment redacted, meeting WCAG 2.2 AA with the figures in it.
 */
@TownhallTest
class SatisfactionBrowserTests {

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
  void staffSeeTheRatingOnTheClosedConversationAndAdminsSeeTheFigures() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    resident.say("talk to a person");
    StaffClient api = new StaffClient(port);
    api.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(api.post("/conversations/" + resident.conversationId + "/claim").status()).isEqualTo(200);

    browser.get("http://127.0.0.1:" + port + "/console/login.html");
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TownhallTest.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "admin"));
    Browser.click(waiting(), By.cssSelector("#queue button[data-id='" + resident.conversationId + "']"));
    waiting().until(d -> d.findElements(By.cssSelector("#wrap-up option")).size() > 1);
    new Select(browser.findElement(By.id("wrap-up"))).selectByValue("resolved");
    browser.findElement(By.id("close")).click();
    waiting().until(d -> d.findElement(By.id("transcript")).getText().contains("How satisfied are you"));

    resident.say("3");
    resident.say("It took a while. Email me at jo.resident@example.org");
    waiting().until(d -> d.findElement(By.id("bot-facts")).getText().contains("3 out of 5"));
    assertThat(browser.findElement(By.id("bot-facts")).getText()).contains("Resident's rating");

    browser.get("http://127.0.0.1:" + port + "/console/admin.html");
    waiting().until(d -> d.findElement(By.cssSelector("#satisfaction tbody")).getText().contains("Council tax"));
    waiting().until(d -> d.findElement(By.id("satisfaction-comments")).getText()
        .contains("It took a while. Email me at [email]"));
    assertThat(browser.findElement(By.id("satisfaction-comments")).getText()).doesNotContain("jo.resident");
    assertThat(browser.findElement(By.id("satisfaction-total")).getText()).contains("answers in the last 30 days");
    assertThat(Axe.violations(browser, "admin page with satisfaction figures")).isEmpty();
  }

  private WebDriverWait waiting() {
    return new WebDriverWait(browser, Duration.ofSeconds(15));
  }
}
