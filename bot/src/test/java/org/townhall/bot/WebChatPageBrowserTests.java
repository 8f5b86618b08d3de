package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/**
 * The resident's chat page as a resident on a phone (390×844) uses it, in real headless Chromium:
 * the state of the conversation and the box to write in stay in view, an answer's own quick replies
 * are offered with "Did that help?", a paste over the limit is kept and explained, phone numbers can
 * be tapped, and closing the tab does not lose the conversation. Screenshots go to
 * {@code target/screenshots/}.
 */
@TownhallTest
class WebChatPageBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @LocalServerPort
  int port;

  ChromeDriver resident;
  Path downloads;

  @BeforeEach
  void openPhone() throws Exception {
    downloads = Files.createTempDirectory("townhall-downloads");
    resident = Browser.start(downloads);
    resident.manage().window().setSize(new Dimension(390, 844));
    resident.get("http://127.0.0.1:" + port + "/");
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .line.bot .text")));
  }

  @AfterEach
  void closePhone() {
    resident.quit();
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(resident, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private List<String> texts(String css) {
    return resident.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  /** Types and sends, then waits until the page shows the bot's (or the service's) answer to it. */
  private void say(String text) {
    int before = resident.findElements(By.cssSelector("#transcript .line")).size();
    resident.findElement(By.id("message")).sendKeys(text);
    resident.findElement(By.id("send")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#transcript .line")).size() > before + 1);
  }

  /** Whether the whole element is inside the visible part of the page. */
  private boolean inView(String id) {
    return (Boolean) resident.executeScript("const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;", id);
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Files.write(SCREENSHOTS.resolve(name + ".png"), resident.getScreenshotAs(OutputType.BYTES));
  }

  @Test
  void afterTenRepliesTheBoxAndThePlaceInTheQueueAreStillInView() throws Exception {
    for (int i = 0; i < 9; i++) {
      say("how do I pay my council tax");
    }
    resident.findElement(By.id("message")).sendKeys("can I speak to a person");
    resident.findElement(By.id("send")).click();
    waiting().until(d -> d.findElement(By.id("queue-place")).isDisplayed());

    assertThat((Long) resident.executeScript("return document.documentElement.scrollHeight;"))
        .as("the transcript is longer than the screen").isGreaterThan(844L);
    assertThat(inView("message")).as("the box to write in").isTrue();
    assertThat(inView("send")).as("the send button").isTrue();
    assertThat(inView("queue-place")).as("the place in the queue").isTrue();
    // The newest line sits above the dock, not underneath it.
    assertThat((Boolean) resident.executeScript("const lines = document.querySelectorAll('#transcript .line');"
        + " const last = lines[lines.length - 1].getBoundingClientRect();"
        + " return last.bottom <= document.querySelector('.dock').getBoundingClientRect().top + 1;"))
        .as("the newest line is not under the dock").isTrue();
    assertThat(resident.findElement(By.id("queue-place")).getText()).startsWith("You are number ");
    screenshot("webchat-phone-waiting");
  }

  @Test
  void anAnswersOwnQuickRepliesAreOfferedWithDidThatHelp() throws Exception {
    say("my bin wasn't collected");

    waiting().until(d -> !d.findElements(By.cssSelector("#choices button")).isEmpty());
    assertThat(texts("#choices button")).containsExactly("Yes", "No", "When is bin day", "Order a new bin");
    assertThat(resident.findElement(By.cssSelector("#choices .more")).getText()).isEqualTo("Or:");
    screenshot("webchat-phone-answer-choices");
  }

  @Test
  void aPasteOverTheLimitIsKeptWholeAndExplainedNotCut() {
    String pasted = "a".repeat(2150);
    resident.executeScript("const box = document.getElementById('message'); box.value = arguments[0];"
        + " box.dispatchEvent(new Event('input'));", pasted);

    WebElement length = resident.findElement(By.id("length"));
    assertThat(length.isDisplayed()).isTrue();
    assertThat(length.getText()).startsWith("Your message is 150 characters too long (2150 of 2000).");
    resident.findElement(By.id("send")).click();

    assertThat(resident.findElement(By.id("message")).getAttribute("value")).hasSize(2150);
    assertThat(texts("#transcript .line.resident")).as("nothing was sent").isEmpty();
    assertThat(resident.findElement(By.id("send")).getAttribute("aria-disabled")).isEqualTo("true");

    resident.executeScript("const box = document.getElementById('message'); box.value = box.value.slice(0, 1900);"
        + " box.dispatchEvent(new Event('input'));");
    assertThat(length.getText()).isEqualTo("1900 of 2000 characters");
    assertThat(resident.findElement(By.id("send")).getAttribute("aria-disabled")).isEqualTo("false");
  }

  @Test
  void thePageCarriesTheCouncilsBrand() {
    waiting().until(d -> !d.findElements(By.cssSelector("#footer-links a")).isEmpty());
    assertThat(texts("#footer-links a")).containsExactly("Privacy notice", "Accessibility statement",
        "How this assistant works", "Contact us");
    assertThat(resident.findElement(By.cssSelector("#footer-links a")).getAttribute("href"))
        .isEqualTo("https://www.example.gov.uk/privacy/chat");
    assertThat(resident.findElement(By.id("service-name")).getText()).isEqualTo("Ask the council");
    // The header's colours come from the brand's style sheet (townhall.branding.header-colour).
    assertThat(resident.findElement(By.cssSelector(".masthead")).getCssValue("background-color"))
        .isEqualTo("rgba(0, 48, 120, 1)");
  }

  @Test
  void theResidentCanSaveACopyOfTheConversation() throws Exception {
    say("how do I pay my council tax");
    resident.findElement(By.id("save-chat")).click();

    Path saved = downloads.resolve("conversation-with-the-council.txt");
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(saved));
    assertThat(Files.readString(saved)).startsWith("Ask the council: your conversation, saved ")
        .contains("You: how do I pay my council tax").contains("Council assistant: ");
  }

  @Test
  void theHeaderSaysWhenTheBotIsPausedAndEveryMessageGoesToAPerson() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    assertThat(admin.postJson("/admin/pause", java.util.Map.of("reason", "Wrong council tax dates")).status())
        .isEqualTo(200);
    try {
      // The status is cacheable for 30 s: a fresh browser asks afresh.
      resident.quit();
      resident = Browser.start(downloads);
      resident.get("http://127.0.0.1:" + port + "/");
      waiting().until(ExpectedConditions.textToBe(By.id("service"),
          "The assistant is paused: a member of staff will read your message and reply here."));
    } finally {
      assertThat(admin.postJson("/admin/resume", java.util.Map.of()).status()).isEqualTo(200);
    }
  }

  @Test
  void phoneNumbersInTheCouncilsAnswersCanBeTapped() {
    say("there is a smell of gas in the street");

    waiting().until(d -> !d.findElements(By.cssSelector("#transcript .line.bot a[href^='tel:']")).isEmpty());
    assertThat(resident.findElements(By.cssSelector("#transcript .line.bot a[href='tel:0800111999']")))
        .extracting(WebElement::getText).containsExactly("0800 111 999");
    assertThat(resident.findElements(By.cssSelector("#transcript .line.resident a"))).isEmpty();
  }

  @Test
  void closingTheTabAndComingBackContinuesTheConversationUntilTheResidentEndsIt() {
    say("how do I pay my council tax");
    String first = resident.getWindowHandle();

    resident.switchTo().newWindow(WindowType.TAB);
    resident.switchTo().window(first).close();
    resident.switchTo().window(resident.getWindowHandles().iterator().next());
    resident.get("http://127.0.0.1:" + port + "/");

    waiting().until(d -> texts("#transcript .line.resident .text").contains("how do I pay my council tax"));
    WebElement end = resident.findElement(By.id("end-chat"));
    assertThat(end.isDisplayed()).isTrue();
    end.click();
    waiting().until(ExpectedConditions.textToBe(By.id("status"), "You ended the chat. Type below to start a new one."));
    assertThat(resident.executeScript("return localStorage.length;")).isEqualTo(0L);
    assertThat(texts("#transcript .line.resident")).isEmpty();
  }
}
