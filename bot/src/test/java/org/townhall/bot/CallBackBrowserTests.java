package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.support.Axe;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * A resident on a phone (390×844) leaves an email address for a reply, and a member of staff at a desk
 * (1280×800) works through the call-back list, in real headless Chromium with email on (GreenMail),
 * each state checked with axe-core. Screenshots go to {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
    properties = {"townhall.security.admin-password=" + TownhallTest.ADMIN_PASSWORD, TownhallTest.ALWAYS_OPEN_DAYS,
        "townhall.handoff.opens=00:00", "townhall.handoff.closes=00:00", TownhallTest.ROOMY_LIMIT,
        TownhallTest.MANY_STARTS, TownhallTest.MANY_MESSAGES, TownhallTest.MANY_SIGN_INS_PER_USER,
        TownhallTest.MANY_SIGN_INS_PER_ADDRESS})
class CallBackBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    CallBackFlowContract.email(registry);
  }

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

  private WebDriverWait waiting() {
    return Browser.waiting(browser);
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Test
  void aResidentOnAPhoneLeavesAnEmailAddressForAReply() throws Exception {
    List<String> violations = new ArrayList<>();
    browser.manage().window().setSize(new Dimension(390, 844));
    browser.get(url("/"));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .line.bot .text")));
    browser.findElement(By.id("message")).sendKeys("can I speak to a person");
    browser.findElement(By.id("send")).click();

    Browser.click(waiting(), By.id("contact-open"));
    WebElement email = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-email")));
    assertThat(browser.switchTo().activeElement()).as("the cursor goes to the first box").isEqualTo(email);
    assertThat(browser.findElement(By.id("contact-consent")).getText())
        .contains("only to reply to this conversation").contains("90 days");
    email.sendKeys("resident@example");
    browser.findElement(By.id("contact-send")).click();
    WebElement error = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-error")));
    assertThat(error.getText()).contains("email address doesn't look right");
    assertThat(email.getDomAttribute("aria-invalid")).isEqualTo("true");
    assertThat(browser.switchTo().activeElement()).as("back to the box to fix").isEqualTo(email);
    violations.addAll(Axe.violations(browser, "phone: leaving an email address, with a mistake"));
    screenshot("webchat-phone-contact-mistake");

    email.sendKeys(".org");
    browser.findElement(By.id("contact-message")).sendKeys("Best after 5pm");
    browser.findElement(By.id("contact-send")).click();

    WebElement left = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-left")));
    assertThat(left.getText()).contains("email r…@example.org").containsPattern("reference is TH-[0-9A-F]{8}");
    assertThat(browser.findElement(By.id("contact-form")).isDisplayed()).isFalse();
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Change your details");
    waiting().until(d -> d.findElement(By.id("transcript")).getText().contains("email the reply"));
    assertThat(browser.findElement(By.id("transcript")).getText()).doesNotContain("resident@example.org");
    violations.addAll(Axe.violations(browser, "phone: details left"));
    screenshot("webchat-phone-contact-left");

    String id = (String) browser.executeScript(
        "return JSON.parse(localStorage.getItem('townhall.webchat')).conversationId;");
    var kept = new StoredConversations(beans).find(id).orElseThrow().callBack();
    assertThat(kept.email()).isEqualTo("resident@example.org");
    assertThat(kept.message()).isEqualTo("Best after 5pm");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }

  @Test
  void staffWorkThroughTheCallBackListByKeyboard() throws Exception {
    List<String> violations = new ArrayList<>();
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("how do I pay my council tax");
    resident.say("can I speak to a person");
    resident.leaveContact(java.util.Map.of("email", "resident@example.org", "phone", "07700 900123",
        "message", "Best after 5pm"));
    String reference = resident.messages(0).json().path("contactLeft").path("reference").asText();

    browser.manage().window().setSize(new Dimension(1280, 800));
    browser.get(url("/console/login.html"));
    browser.findElement(By.id("username")).sendKeys("admin");
    browser.findElement(By.id("password")).sendKeys(TownhallTest.ADMIN_PASSWORD);
    browser.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), "admin"));
    // "L" opens the list, as the "?" dialog says.
    browser.findElement(By.tagName("body")).sendKeys("l");
    waiting().until(ExpectedConditions.urlContains("/console/call-backs.html"));
    assertThat(browser.getPageSource()).doesNotContain("Open the call-back list").as("the list, not the help");

    By row = By.xpath("//tr[th[normalize-space()='" + reference + "']]");
    WebElement listed = waiting().until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(listed.getText()).contains("Email r…@example.org", "Phone ending 123", "Pay council tax", "Web chat",
        "Nobody yet", "To do").doesNotContain("resident@example.org", "900123");
    violations.addAll(Axe.violations(browser, "call-back list"));
    screenshot("console-call-back-list");

    listed.findElement(By.tagName("button")).sendKeys(org.openqa.selenium.Keys.ENTER);
    WebElement detail = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("cb-detail")));
    assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Call-back " + reference);
    assertThat(detail.getText()).contains("resident@example.org", "07700 900123", "Best after 5pm");
    assertThat(browser.findElement(By.linkText("07700 900123")).getDomAttribute("href")).isEqualTo("tel:07700900123");

    browser.findElement(By.id("cb-take")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("cb-facts")).getText().contains("admin at"));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("cb-outcome"))).selectByVisibleText("Called back");
    browser.findElement(By.id("cb-save")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waiting().until(d -> d.findElement(By.id("cb-facts")).getText().contains("Called back (admin"));
    violations.addAll(Axe.violations(browser, "call-back open, taken and called back"));
    screenshot("console-call-back-open");

    // Finished ones leave "Still to do"; "All" shows them with their outcome.
    waiting().until(ExpectedConditions.invisibilityOfElementLocated(row));
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("cb-show"))).selectByValue("all");
    assertThat(waiting().until(ExpectedConditions.visibilityOfElementLocated(row)).getText())
        .contains("Called back", "admin");
    assertThat(violations).as("WCAG A/AA violations found by axe-core").isEmpty();
  }
}
