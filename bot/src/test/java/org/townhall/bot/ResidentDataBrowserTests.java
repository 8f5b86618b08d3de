package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.conversation.ConversationReferences;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * A resident deleting their data from the chat page, and an administrator finding and erasing a
 * resident's from the administration page, in real Chromium, each page checked with axe-core.
 */
@TownhallTest
class ResidentDataBrowserTests {

  @LocalServerPort
  int port;

  @Autowired
  BeanFactory beans;

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
  void aResidentDeletesTheirDataFromTheChatPageAndTheBrowserForgetsTheConversation() {
    browser.get(url("/"));
    send("when is my bin collected");
    waiting().until(d -> browser.executeScript("return localStorage.getItem('townhall.webchat')") != null);
    String id = (String) browser.executeScript(
        "return JSON.parse(localStorage.getItem('townhall.webchat')).conversationId");
    send("delete my data");
    waiting().until(d -> d.findElement(By.id("transcript")).getText().contains("Delete everything?"));
    List<String> violations = new ArrayList<>(Axe.violations(browser, "web chat asking to delete everything"));
    WebElement yes = waiting().until(d -> d.findElements(By.cssSelector("#choices button")).stream()
        .filter(b -> b.getText().equals("Yes")).findFirst().orElse(null));
    yes.click();

    waiting().until(d -> d.findElement(By.id("status")).getText().startsWith("Done. I've deleted your conversation"));
    assertThat(browser.findElement(By.id("status")).getText()).contains(ConversationReferences.of(id), "keeps only");
    assertThat(browser.executeScript("return localStorage.getItem('townhall.webchat')")).isNull();
    assertThat(browser.findElement(By.id("transcript")).getText()).doesNotContain("when is my bin collected");
    assertThat(new StoredConversations(beans).find(id)).isEmpty();
    violations.addAll(Axe.violations(browser, "web chat after deleting the resident's data"));
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void anAdministratorFindsAResidentOnTheAdministrationPageAndErasesThem() {
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    String reference = ConversationReferences.of(resident.conversationId);

    browser.get(url("/console/"));
    waiting().until(ExpectedConditions.urlContains("/console/login.html"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TownhallTest.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "admin"));
    browser.get(url("/console/admin.html"));

    browser.findElement(By.id("resident-id")).sendKeys("th-nothing");
    browser.findElement(By.id("resident-find")).click();
    waiting().until(d -> d.findElement(By.id("resident-state")).getText().contains("TH-1A2B3C4D"));
    browser.findElement(By.id("resident-id")).clear();
    browser.findElement(By.id("resident-id")).sendKeys(reference);
    browser.findElement(By.id("resident-find")).click();
    waiting().until(d -> d.findElement(By.id("resident-state")).getText().equals("Found 1 conversation."));
    assertThat(browser.findElement(By.cssSelector("#resident-conversations tbody")).getText()).contains(reference);
    assertThat(browser.findElement(By.id("resident-html")).getAttribute("href"))
        .endsWith("/api/console/admin/residents/export.html?reference=" + reference);
    List<String> violations = new ArrayList<>(Axe.violations(browser, "admin page with a resident found"));

    browser.findElement(By.id("resident-erase")).click();
    waiting().until(ExpectedConditions.alertIsPresent()).accept();
    waiting().until(d -> d.findElement(By.id("resident-state")).getText().startsWith("Erased " + reference));
    assertThat(browser.findElement(By.id("resident-found")).isDisplayed()).isFalse();
    assertThat(new StoredConversations(beans).find(resident.conversationId)).isEmpty();
    waiting().until(d -> d.findElement(By.cssSelector("#audit tbody")).getText().contains(reference));
    violations.addAll(Axe.violations(browser, "admin page after an erasure"));
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  private void send(String text) {
    WebElement box = waiting().until(ExpectedConditions.elementToBeClickable(By.id("message")));
    box.sendKeys(text);
    browser.findElement(By.id("send")).click();
    waiting().until(d -> d.findElement(By.id("message")).getAttribute("value").isEmpty());
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
