package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.TownhallTest;

/** A resident in the web chat page and a member of staff in the console, each in real headless Chromium. */
@TownhallTest
class WebChatAndConsoleBrowserTests {

  @LocalServerPort
  int port;

  ChromeDriver resident;
  ChromeDriver staff;

  @BeforeEach
  void openBrowsers() {
    resident = Browser.start();
    staff = Browser.start();
  }

  @AfterEach
  void closeBrowsers() {
    resident.quit();
    staff.quit();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  private static List<String> lines(WebDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private void residentTypes(String text) {
    WebElement box = resident.findElement(By.id("message"));
    box.sendKeys(text);
    resident.findElement(By.id("send")).click();
  }

  @Test
  void aResidentIsAnsweredAndAMemberOfStaffTakesOver() {
    resident.get(url("/"));
    waiting(resident).until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#transcript .line.bot"), 0));

    residentTypes("when is my bin collected");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("postcode")));
    residentTypes("CF10 1EP");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream()
        .anyMatch(t -> t.contains("Your bins are collected on")));

    // A quick reply is a button; choosing it sends its text.
    waiting(resident).until(ExpectedConditions.elementToBeClickable(
        By.xpath("//div[@id='choices']/button[.='No']"))).click();
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("Sorry that didn't help")));
    residentTypes("<img src=x onerror=alert(1)> I need to talk to a person");
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "Waiting for a member of staff…"));

    staff.get(url("/console/"));
    waiting(staff).until(ExpectedConditions.urlContains("/console/login.html"));
    staff.findElement(By.id("username")).sendKeys("admin");
    staff.findElement(By.id("password")).sendKeys(TownhallTest.ADMIN_PASSWORD);
    staff.findElement(By.id("sign-in")).click();
    waiting(staff).until(ExpectedConditions.textToBe(By.id("me"), "admin"));

    WebElement waitingConversation = waiting(staff).until(
        ExpectedConditions.elementToBeClickable(By.cssSelector("#queue button")));
    waitingConversation.click();
    waiting(staff).until(ExpectedConditions.elementToBeClickable(By.id("claim"))).click();
    waiting(staff).until(ExpectedConditions.elementToBeClickable(By.id("reply")));

    // Resident text is shown literally in the console, never run as HTML.
    assertThat(lines(staff, "#transcript li.resident .text"))
        .contains("<img src=x onerror=alert(1)> I need to talk to a person");
    assertThat(staff.findElements(By.cssSelector("#transcript img"))).isEmpty();

    staff.findElement(By.id("reply")).sendKeys("Hello, this is Ann from the council. How can I help?");
    staff.findElement(By.id("send-reply")).click();

    waiting(resident).until(d -> lines(d, "#transcript .line.agent").stream()
        .anyMatch(t -> t.contains("Hello, this is Ann from the council.")));
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "You are talking to a member of staff."));

    staff.findElement(By.id("close")).click();
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "This conversation has ended."));
  }
}
