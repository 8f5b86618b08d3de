package org.townhall.bot;

import org.townhall.bot.conversation.Sender;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.conversation.StoredConversations;
import org.townhall.bot.conversation.TranscriptEntry;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;

/** A resident in the web chat page and a member of staff in the console, each in real headless Chromium. */
@TownhallTest
class WebChatAndConsoleBrowserTests {

  private static final String XSS = "<img src=x onerror=alert(1)> I need to talk to a person";

  @LocalServerPort
  int port;

  @Autowired
  org.springframework.beans.factory.BeanFactory beans;

  StoredConversations store() {
    return new StoredConversations(beans);
  }

  @Autowired
  Clock clock;

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

  /** Waits up to 15 s; the live pages re-render, so an element found a moment ago may be replaced. */
  private static WebDriverWait waiting(WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private static List<String> lines(WebDriver driver, String css) {
    return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private void residentTypes(String text) {
    WebElement box = resident.findElement(By.id("message"));
    box.sendKeys(text);
    resident.findElement(By.id("send")).click();
  }

  private String residentsConversationId() throws Exception {
    String session = (String) resident.executeScript(
        "return Object.keys(localStorage).map(k => localStorage.getItem(k))"
        + ".find(v => v.includes('conversationId'));");
    return new ObjectMapper().readTree(session).path("conversationId").asText();
  }

  /** Conversations the bot has now: every started one has an idle deadline until staff take it or it closes. */
  private Set<String> conversationsWithTheBot() {
    return new HashSet<>(store().idleSince(clock.instant().plus(Duration.ofDays(1)), 100_000));
  }

  private void signIn(String username, String password) {
    staff.get(url("/console/"));
    waiting(staff).until(ExpectedConditions.urlContains("/console/login.html"));
    staff.findElement(By.id("username")).sendKeys(username);
    staff.findElement(By.id("password")).sendKeys(password);
    staff.findElement(By.id("sign-in")).click();
    waiting(staff).until(ExpectedConditions.textToBe(By.id("me"), username));
  }

  private By queueRow(String conversationId) {
    return By.cssSelector("#queue button[data-id='" + conversationId + "']");
  }

  @Test
  void openingTheChatStoresNothingUntilTheResidentWrites() throws Exception {
    Set<String> before = conversationsWithTheBot();
    resident.get(url("/"));
    String welcome = waiting(resident).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#transcript .line.bot .text"))).getText();
    List<String> options = lines(resident, "#choices button");
    assertThat(welcome).startsWith("Hello");
    assertThat(options).contains("Talk to a person");
    // Longer than two poll intervals: the page neither starts a conversation nor asks the API anything.
    Awaitility.await("no conversation started by opening the page")
        .during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
        .until(() -> before.containsAll(conversationsWithTheBot()));
    assertThat(resident.executeScript("return localStorage.length;")).isEqualTo(0L);
    assertThat(resident.executeScript("return performance.getEntriesByType('resource')"
        + ".filter(e => e.name.includes('/api/')).map(e => new URL(e.name).pathname);"))
        .as("the page only read the welcome, the brand and whether people are there, all read-only")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactlyInAnyOrder("/api/webchat/welcome", "/api/webchat/service", "/api/webchat/brand");

    residentTypes("when is my bin collected");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("postcode")));
    String id = residentsConversationId();
    assertThat(before).doesNotContain(id);
    // The page's welcome is the one the conversation started with, shown once.
    List<TranscriptEntry> stored = store().transcript(id, 0);
    assertThat(stored.get(0).text()).isEqualTo(welcome);
    assertThat(stored.get(0).options()).isEqualTo(options);
    assertThat(stored.get(1).text()).isEqualTo("when is my bin collected");
    assertThat(lines(resident, "#transcript .line .text")).containsExactlyElementsOf(
        stored.stream().map(TranscriptEntry::text).toList());

    // Back on a conversation the server no longer has: the welcome again, and the next message starts anew.
    resident.executeScript("localStorage.setItem(Object.keys(localStorage)[0],"
        + " JSON.stringify({conversationId: 'expired', token: 'expired'}));");
    resident.navigate().refresh();
    waiting(resident).until(d -> (Long) ((ChromeDriver) d).executeScript("return localStorage.length;") == 0L);
    assertThat(lines(resident, "#transcript .line .text")).containsExactly(welcome);
    assertThat(lines(resident, "#choices button")).isEqualTo(options);
    Browser.click(waiting(resident), By.xpath("//div[@id='choices']/button[.='Bin collection day']"));
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("postcode")));
    String fresh = residentsConversationId();
    assertThat(fresh).isNotIn(id, "expired");
    assertThat(store().transcript(fresh, 0)).extracting(TranscriptEntry::from).startsWith(Sender.BOT, Sender.RESIDENT, Sender.BOT);
  }

  @Test
  void withoutTheServersWelcomeThePageStillLetsTheResidentWrite() throws Exception {
    // As if the welcome could not be read (a proxy or a network hiccup): the page has a short one of its own.
    resident.executeCdpCommand("Network.enable", Map.of());
    resident.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/api/webchat/welcome*")));
    resident.get(url("/"));
    String fallback = waiting(resident).until(ExpectedConditions.presenceOfElementLocated(
        By.cssSelector("#transcript .line.bot .text"))).getText();
    assertThat(fallback).isNotBlank().doesNotStartWith("Hello, I'm the council's assistant");
    assertThat(lines(resident, "#choices button")).isEmpty();
    assertThat(resident.findElement(By.id("error")).isDisplayed()).isFalse();

    residentTypes("when is my bin collected");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("postcode")));
    // The conversation's own lines replace the stand-in: the transcript is the stored one, welcome included.
    List<TranscriptEntry> stored = store().transcript(residentsConversationId(), 0);
    assertThat(lines(resident, "#transcript .line .text")).containsExactlyElementsOf(
        stored.stream().map(TranscriptEntry::text).toList());
    assertThat(stored.get(0).text()).startsWith("Hello, I'm the council's assistant");
  }

  @Test
  void anEscalationAppearsLiveAndStaffTakeItOverRepliesAndCloseWithAWrapUp() throws Exception {
    signIn("admin", TownhallTest.ADMIN_PASSWORD);
    waiting(staff).until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
    // A marker that a reload would wipe: the row must arrive through the open page.
    staff.executeScript("window.notReloaded = true;");

    resident.get(url("/"));
    waiting(resident).until(
        ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("#transcript .line.bot"), 0));
    residentTypes("when is my bin collected");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream().anyMatch(t -> t.contains("postcode")));
    residentTypes("CF10 1EP");
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream()
        .anyMatch(t -> t.contains("Your bins are collected on")));
    // A quick reply is a button; choosing it sends its text.
    Browser.click(waiting(resident), By.xpath("//div[@id='choices']/button[.='No']"));
    waiting(resident).until(d -> lines(d, "#transcript .line.bot").stream()
        .anyMatch(t -> t.contains("Sorry that didn't help")));
    residentTypes(XSS);
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "Waiting for a member of staff…"));
    String id = residentsConversationId();

    // read inside the wait: the queue re-renders on every update, replacing the row's element
    String rowText = waiting(staff).until(d -> d.findElement(queueRow(id)).getText());
    assertThat(staff.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    // Topic, channel, wait and the resident's first words.
    assertThat(rowText).contains("Bin collection day").contains("Web chat").contains("waiting")
        .contains("“when is my bin collected”");
    assertThat(staff.findElement(By.id("announcer")).getAttribute("textContent"))
        .contains("New conversation waiting");
    assertThat(staff.findElement(By.id("arrival")).isDisplayed()).isTrue();

    Browser.click(waiting(staff), queueRow(id));
    // Human words, not the API's codes: a state, a reason and a team as staff would say them.
    waiting(staff).until(d -> d.findElement(By.id("facts")).getText().contains("Waiting for a person"));
    assertThat(staff.findElement(By.id("facts")).getText()).contains("Asked for a person").contains("Waste")
        .contains("Web chat");
    Browser.click(waiting(staff), By.id("claim"));
    waiting(staff).until(ExpectedConditions.elementToBeClickable(By.id("reply")));
    waiting(staff).until(d -> d.findElement(By.id("facts")).getText().contains("With a person"));
    assertThat(staff.findElement(By.tagName("body")).getText())
        .doesNotContain("AWAITING_AGENT", "WITH_AGENT", "asked_for_person", "webchat", "bin_collection_day");

    // Resident text is shown literally in the console, never run as HTML.
    assertThat(lines(staff, "#transcript li.resident .text")).contains(XSS);
    assertThat(staff.findElements(By.cssSelector("#transcript img, #queue img"))).isEmpty();
    // The bot's context is there: its topic, the postcode given, and a suggested answer.
    assertThat(staff.findElement(By.id("bot-facts")).getText()).contains("Bin collection day").contains("CF10 1EP");
    assertThat(staff.findElements(By.cssSelector("#suggestions button"))).isNotEmpty();

    staff.findElement(By.id("reply")).sendKeys("Hello, this is Ann from the council. How can I help?");
    staff.findElement(By.id("send-reply")).click();
    waiting(resident).until(d -> lines(d, "#transcript .line.agent").stream()
        .anyMatch(t -> t.contains("Hello, this is Ann from the council.")));
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "You are talking to a member of staff."));

    String screenshot = System.getProperty("townhall.screenshot");
    if (screenshot != null) {
      staff.findElement(By.id("note")).sendKeys("Resident asked for a person after the bin day answer.");
      staff.findElement(By.id("add-note")).click();
      waiting(staff).until(d -> lines(d, "#notes li").stream().anyMatch(t -> t.contains("bin day answer")));
      staff.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);"
          + " document.querySelector('.context').scrollTop = 0;");
      Files.write(Path.of(screenshot), staff.getScreenshotAs(OutputType.BYTES));
    }

    staff.findElement(By.id("close")).click();
    waiting(staff).until(ExpectedConditions.textToBe(By.id("action-message"), "Choose a wrap-up code first."));
    new Select(staff.findElement(By.id("wrap-up"))).selectByValue("resolved");
    // What the resident wanted, for the editors' inbox: chosen by its title, sent as the topic's id.
    new Select(staff.findElement(By.id("close-topic"))).selectByVisibleText("Report a pothole");
    staff.findElement(By.id("close")).click();
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "This conversation has ended."));
    waiting(staff).until(d -> d.findElement(By.id("bot-facts")).getText().contains("Resolved"));
    StaffClient admin = new StaffClient(port);
    admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(admin.get("/admin/audit?limit=1000").raw().body()).contains("resolved report_pothole");
  }

  @Test
  void anAgentSecondToClaimIsToldCleanlyAndCannotOpenAdminPages() throws Exception {
    StaffClient admin = new StaffClient(port);
    admin.signIn("admin", TownhallTest.ADMIN_PASSWORD);
    assertThat(admin.postJson("/admin/staff", Map.of("username", "bea", "password", "bea-password-1",
        "roles", List.of("AGENT"))).status()).isEqualTo(200);
    resident.get(url("/"));
    // A quick reply as the resident's first step starts the conversation too.
    Browser.click(waiting(resident), By.xpath("//div[@id='choices']/button[.='Talk to a person']"));
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "Waiting for a member of staff…"));
    String id = residentsConversationId();

    signIn("bea", "bea-password-1");
    assertThat(staff.findElement(By.id("admin-link")).isDisplayed()).isFalse();
    waiting(staff).until(ExpectedConditions.elementToBeClickable(queueRow(id)));

    // Keyboard only: Tab reaches the conversation's row, with a visible focus ring, and Enter opens it.
    boolean reached = false;
    for (int tab = 0; tab < 30 && !reached; tab++) {
      new Actions(staff).sendKeys(Keys.TAB).perform();
      reached = id.equals(staff.executeScript("return document.activeElement.dataset.id || null;"));
    }
    assertThat(reached).as("the queue row is reachable with Tab").isTrue();
    assertThat(staff.executeScript("return getComputedStyle(document.activeElement).outlineStyle;"))
        .isEqualTo("solid");
    new Actions(staff).sendKeys(Keys.ENTER).perform();
    WebElement claim = waiting(staff).until(ExpectedConditions.elementToBeClickable(By.id("claim")));
    // Someone else is quicker, between the page showing the conversation and the click. The page does
    // not refresh the open conversation while staff write a note, so on a slow machine it cannot show
    // the claim (and disable the button) before the click: the race this test is about does happen.
    staff.executeScript("document.getElementById('note').focus();");
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    claim.click();
    waiting(staff).until(ExpectedConditions.textToBe(By.id("action-message"), "Already claimed by admin."));
    waiting(staff).until(d -> d.findElement(By.id("facts")).getText().contains("With a person"));
    assertThat(staff.findElement(By.id("reply")).isEnabled()).isFalse();

    staff.get(url("/console/admin.html"));
    assertThat(staff.findElements(By.id("audit"))).isEmpty();
    assertThat(staff.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot open this page");
  }

  @Test
  void keyboardShortcutsTakeTheNextConversationAndSendAReply() throws Exception {
    resident.get(url("/"));
    Browser.click(waiting(resident), By.xpath("//div[@id='choices']/button[.='Talk to a person']"));
    waiting(resident).until(ExpectedConditions.textToBe(By.id("status"), "Waiting for a member of staff…"));
    String id = residentsConversationId();
    // Other tests' residents may still be waiting: close theirs, so this one is the next.
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    for (var item : admin.get("/queue").json()) {
      String other = item.path("conversationId").asText();
      if (!other.equals(id) && item.path("owner").isMissingNode()) {
        assertThat(admin.postJson("/conversations/" + other + "/close", Map.of("wrapUp", "duplicate")).status())
            .isEqualTo(200);
      }
    }
    signIn("admin", TownhallTest.ADMIN_PASSWORD);
    waiting(staff).until(ExpectedConditions.elementToBeClickable(queueRow(id)));
    staff.findElement(By.tagName("body")).click();

    new Actions(staff).sendKeys("?").perform();
    WebElement help = waiting(staff).until(ExpectedConditions.visibilityOfElementLocated(By.id("shortcuts")));
    assertThat(help.getText()).contains("Take the next conversation waiting").contains("Ctrl+Enter");
    new Actions(staff).sendKeys(Keys.ESCAPE).perform();
    waiting(staff).until(ExpectedConditions.invisibilityOfElementLocated(By.id("shortcuts")));

    new Actions(staff).sendKeys("n").perform();
    waiting(staff).until(d -> d.findElement(By.id("facts")).getText().contains("With a person"));
    waiting(staff).until(d -> "reply".equals(((ChromeDriver) d).executeScript("return document.activeElement.id;")));
    new Actions(staff).sendKeys("Hello from the keyboard.").keyDown(Keys.CONTROL).sendKeys(Keys.ENTER)
        .keyUp(Keys.CONTROL).perform();
    waiting(resident).until(d -> lines(d, "#transcript .line.agent").stream()
        .anyMatch(t -> t.contains("Hello from the keyboard.")));
    // An administrator supervises too: everyone's load, this conversation counted as theirs.
    long owned = 0;
    for (var item : admin.get("/queue").json()) {
      owned += "admin".equals(item.path("owner").asText()) ? 1 : 0;
    }
    assertThat(owned).as("this conversation is among admin's").isPositive();
    String expected = "admin: " + owned + (owned == 1 ? " conversation" : " conversations");
    waiting(staff).until(d -> lines(d, "#load li").stream().anyMatch(t -> t.startsWith(expected)));
    assertThat(staff.findElement(By.id("assign-group")).isDisplayed()).isTrue();
  }
}
