package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.StaffClient;
import org.townhall.bot.support.TownhallTest;
import org.townhall.bot.support.WebChatClient;

/**
 * The console's search page, a supervisor watching a conversation the bot has, and desktop
 * notifications, in real headless Chromium at 1280×800 (screenshots in {@code target/screenshots/}).
 */
@TownhallTest
class SearchWatchAndNotificationsBrowserTests {

  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  /**
   * Runs in the page before the console's own script: records every notification created and every
   * permission request, and still calls the browser's own Notification.
   */
  private static final String RECORD_NOTIFICATIONS = """
      (() => {
        const Real = window.Notification;
        if (!Real) return;
        window.notificationsShown = [];
        window.visibilityLog = [document.visibilityState];
        document.addEventListener('visibilitychange', () => window.visibilityLog.push(document.visibilityState));
        window.permissionRequests = 0;
        function Recording(title, options) {
          window.notificationsShown.push({ title, body: (options && options.body) || '' });
          return new Real(title, options);
        }
        Recording.prototype = Real.prototype;
        Object.defineProperty(Recording, 'permission', { get: () => Real.permission });
        Recording.requestPermission = (...args) => {
          window.permissionRequests++;
          return Real.requestPermission(...args);
        };
        window.Notification = Recording;
      })();
      """;

  @LocalServerPort
  int port;

  ChromeDriver staff;

  @BeforeEach
  void openBrowser() {
    staff = Browser.start();
  }

  @AfterEach
  void closeBrowser() {
    staff.quit();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(staff, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    staff.executeScript("document.activeElement.blur(); window.scrollTo(0, 0);");
    Files.write(SCREENSHOTS.resolve(name + ".png"), staff.getScreenshotAs(OutputType.BYTES));
  }

  private StaffClient admin() {
    StaffClient admin = new StaffClient(port);
    assertThat(admin.signIn("admin", TownhallTest.ADMIN_PASSWORD).status()).isEqualTo(302);
    return admin;
  }

  private String account(String username, List<String> roles) {
    assertThat(admin().postJson("/admin/staff", Map.of("username", username, "password", username + "-password",
        "roles", roles, "displayName", "Sam")).status()).isEqualTo(200);
    return username;
  }

  private void signIn(String username, String password) {
    staff.get(url("/console/"));
    waiting().until(ExpectedConditions.urlContains("/console/login.html"));
    staff.findElement(By.id("username")).sendKeys(username);
    staff.findElement(By.id("password")).sendKeys(password);
    staff.findElement(By.id("sign-in")).click();
    waiting().until(ExpectedConditions.textToBe(By.id("me"), username));
  }

  private String bodyText() {
    return staff.findElement(By.tagName("body")).getText();
  }

  @Test
  void searchFindsAClosedConversationAndOpensItReadOnly() throws Exception {
    StaffClient admin = admin();
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("can I speak to a person about my council tax bill");
    String id = resident.conversationId;
    assertThat(admin.post("/conversations/" + id + "/claim").status()).isEqualTo(200);
    assertThat(admin.reply(id, "I have refunded the overpayment on your bill.").status()).isEqualTo(200);
    assertThat(admin.postJson("/conversations/" + id + "/close", Map.of("wrapUp", "resolved")).status())
        .isEqualTo(200);
    String reference = "TH-" + id.substring(0, 8).toUpperCase();

    signIn("admin", TownhallTest.ADMIN_PASSWORD);
    staff.findElement(By.tagName("body")).click();
    new Actions(staff).sendKeys("s").perform();
    waiting().until(ExpectedConditions.urlContains("/console/search.html"));
    waiting().until(d -> d.findElements(By.cssSelector("#outcome option")).size() > 1);
    staff.findElement(By.id("words")).sendKeys("Overpayment REFUNDED");
    new org.openqa.selenium.support.ui.Select(staff.findElement(By.id("outcome"))).selectByVisibleText("Resolved");
    staff.findElement(By.id("search")).click();

    By row = By.cssSelector("#results tr[data-id='" + id + "']");
    String rowText = waiting().until(d -> d.findElement(row).getText());
    assertThat(rowText).contains(reference, "Council tax", "Resolved", "admin", "Ended");
    assertThat(staff.findElement(By.id("search-status")).getText()).contains("found");
    screenshot("console-search-results");

    Browser.click(waiting(), By.cssSelector("#results tr[data-id='" + id + "'] button"));
    waiting().until(d -> d.findElement(By.id("opened-transcript")).getText().contains("refunded the overpayment"));
    assertThat(staff.findElement(By.id("opened-title")).getText()).isEqualTo("Conversation " + reference + " (read-only)");
    assertThat(staff.findElements(By.cssSelector(".opened textarea, .opened form"))).as("read-only").isEmpty();
    assertThat(bodyText()).doesNotContain("CLOSED", "council-tax", "webchat", "resolved;");
    screenshot("console-search-opened");

    // A search of nothing is refused in the page, with the reason.
    staff.findElement(By.id("clear")).click();
    staff.findElement(By.id("search")).click();
    waiting().until(d -> d.findElement(By.id("search-message")).getText().startsWith("Give a reference"));
  }

  @Test
  void aSupervisorWatchesALiveConversationWithTheBotAndTakesItOver() throws Exception {
    String supervisor = account("sam.watch", List.of("AGENT", "SUPERVISOR"));
    WebChatClient resident = new WebChatClient(port);
    resident.start();
    resident.say("when is my bin collected");
    String id = resident.conversationId;

    signIn(supervisor, supervisor + "-password");
    staff.executeScript("window.notReloaded = true;");
    By row = By.cssSelector("#with-bot-list button[data-watch='" + id + "']");
    String rowText = waiting().until(d -> d.findElement(row).getText());
    assertThat(rowText).contains("Bin collection day", "Asking for a detail", "Web chat")
        .doesNotContain("when is my bin collected");
    staff.findElement(By.tagName("body")).click();
    new Actions(staff).sendKeys("w").perform();
    assertThat(staff.switchTo().activeElement().getAttribute("data-watch")).isNotNull();
    Browser.click(waiting(), row);
    waiting().until(d -> d.findElement(By.id("watch-transcript")).getText().contains("when is my bin collected"));
    assertThat(staff.findElement(By.id("conversation-title")).getText()).startsWith("Watching TH-");

    resident.say("CF10 1EP");
    waiting().until(d -> d.findElement(By.id("watch-transcript")).getText().contains("Your bins are collected on"));
    assertThat(staff.executeScript("return window.notReloaded === true;")).isEqualTo(true);
    assertThat(staff.findElement(By.id("watch-facts")).getText()).contains("Answering", "Bin collection day");
    assertThat(resident.state()).isEqualTo("BOT");
    assertThat(resident.last("system")).isNull();
    screenshot("console-watching");

    staff.findElement(By.id("take-over")).click();
    waiting().until(d -> d.findElement(By.id("facts")).getText().contains("With a person"));
    waiting().until(d -> "reply".equals(((ChromeDriver) d).executeScript("return document.activeElement.id;")));
    assertThat(staff.findElement(By.id("watch")).isDisplayed()).isFalse();
    assertThat(staff.findElement(By.id("facts")).getText()).contains("Taken over from the bot by a supervisor");
    assertThat(resident.state()).isEqualTo("WITH_AGENT");
    assertThat(resident.last("system")).isEqualTo("Sam from the waste team has joined the conversation.");

    // ... and gives it to a named colleague, seen in everyone's load.
    String colleague = account("kim.colleague", List.of("AGENT"));
    waiting().until(d -> new Select(d.findElement(By.id("assign-to"))).getOptions().stream()
        .anyMatch(o -> colleague.equals(o.getAttribute("value"))));
    new Select(staff.findElement(By.id("assign-to"))).selectByValue(colleague);
    staff.findElement(By.id("assign")).click();
    StaffClient admin = admin();
    waiting().until(d -> colleague.equals(admin.get("/conversations/" + id).json().path("owner").asText()));
    waiting().until(d -> d.findElements(By.cssSelector("#load li")).stream()
        .anyMatch(li -> li.getText().startsWith("Sam (" + colleague + "): 1 conversation")));
    assertThat(admin.get("/admin/audit?limit=1000").raw().body()).contains("\"assign\"");
  }

  @Test
  void desktopNotificationsOnceSwitchedOnForUrgentArrivalsWhileTheTabIsInTheBackground() throws Exception {
    staff.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_NOTIFICATIONS));
    staff.executeCdpCommand("Browser.grantPermissions", Map.of("origin", url(""),
        "permissions", List.of("notifications")));
    signIn("admin", TownhallTest.ADMIN_PASSWORD);
    waiting().until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
    assertThat(staff.findElement(By.id("notify-on")).isSelected()).as("off until switched on").isFalse();
    assertThat(staff.findElement(By.id("notify-all")).isEnabled()).isFalse();

    staff.findElement(By.id("notify-on")).click();
    waiting().until(d -> d.findElement(By.id("notify-status")).getText().startsWith("Desktop notifications on"));
    staff.navigate().refresh();
    waiting().until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
    assertThat(staff.findElement(By.id("notify-on")).isSelected()).as("remembered in this browser").isTrue();
    assertThat(staff.findElement(By.id("notify-all")).isEnabled()).isTrue();
    screenshot("console-notifications-on");

    // While the console is in view, even an urgent arrival does not notify: the page shows it.
    WebChatClient inView = new WebChatClient(port);
    inView.start();
    inView.say("i got a section 21 notice");
    waiting().until(d -> !d.findElements(By.cssSelector("#queue button[data-id='" + inView.conversationId + "']"))
        .isEmpty());
    assertThat(staff.executeScript("return window.notificationsShown.length;")).isEqualTo(0L);

    // Another tab in front: the console is in the background. The tab it opened can read it unseen.
    String console = staff.getWindowHandle();
    staff.executeScript("window.open('/console/search.html', '_blank');");
    waiting().until(d -> d.getWindowHandles().size() == 2);
    staff.switchTo().window(staff.getWindowHandles().stream().filter(h -> !h.equals(console)).findFirst().orElseThrow());
    assertThat(staff.executeScript("return window.opener.document.visibilityState;")).isEqualTo("hidden");

    WebChatClient ordinary = new WebChatClient(port);
    ordinary.start();
    ordinary.say("can I speak to a person about my council tax bill");
    WebChatClient urgent = new WebChatClient(port);
    urgent.start();
    urgent.say("i got a section 21 notice");
    WebChatClient concern = new WebChatClient(port);
    concern.start();
    concern.say("my landlord is evicting me");
    JsonNode queue = admin().get("/queue").json();
    assertThat(queue.toString()).as("an urgent topic, and a safeguarding concern").contains("\"topicTitle\":\"Homeless or at risk\"",
        "\"category\":\"homeless_tonight\"");
    waiting().until(d -> (Long) ((ChromeDriver) d).executeScript("return window.opener.notificationsShown.length;") >= 2);
    assertThat(shown()).containsExactlyInAnyOrder(
        "Urgent conversation waiting | Homeless or at risk – Housing team",
        "Safeguarding concern: Homeless tonight | Urgent – Housing team");

    // Every arrival, once chosen.
    staff.executeScript("window.opener.document.getElementById('notify-all').click();");
    WebChatClient another = new WebChatClient(port);
    another.start();
    another.say("can I speak to a person about my council tax bill");
    waiting().until(d -> (Long) ((ChromeDriver) d).executeScript("return window.opener.notificationsShown.length;") >= 3);
    List<String> all = shown();
    assertThat(all).hasSize(3);
    assertThat(all.get(2)).startsWith("New conversation waiting | ").endsWith(" – Council tax team");
    assertThat(String.join("\n", all)).as("topic and urgency only, never the resident's words")
        .doesNotContain("section 21", "landlord", "evicting", "bill");
    assertThat(staff.executeScript("return window.opener.permissionRequests;")).as("already allowed: not asked again")
        .isEqualTo(0L);
    assertThat(staff.executeScript("return window.opener.localStorage.getItem('townhall.notify.all');")).isEqualTo("on");
  }

  @Test
  void theBrowserIsAskedForPermissionOnlyWhenTheSwitchIsTurnedOnAndARefusalIsExplained() {
    staff.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_NOTIFICATIONS));
    signIn("admin", TownhallTest.ADMIN_PASSWORD);
    waiting().until(ExpectedConditions.textToBe(By.id("live-status"), "Live"));
    assertThat(staff.executeScript("return Notification.permission;")).isEqualTo("default");
    assertThat(staff.executeScript("return window.permissionRequests;")).as("not on opening the console").isEqualTo(0L);

    staff.findElement(By.id("notify-on")).click();
    waiting().until(d -> !d.findElement(By.id("notify-status")).getText().isEmpty());
    assertThat(staff.executeScript("return window.permissionRequests;")).isEqualTo(1L);
    // Headless Chromium answers the question itself, with a refusal.
    assertThat(staff.executeScript("return Notification.permission;")).isEqualTo("denied");
    assertThat(staff.findElement(By.id("notify-status")).getText()).startsWith("Notifications are blocked for this site");
    assertThat(staff.findElement(By.id("notify-on")).isSelected()).isFalse();
    assertThat(staff.executeScript("return localStorage.getItem('townhall.notify');")).isEqualTo("off");
  }

  /** The notifications the console in the background created, as "title | body". */
  @SuppressWarnings("unchecked")
  private List<String> shown() {
    return ((List<Map<String, String>>) staff.executeScript("return window.opener.notificationsShown;")).stream()
        .map(n -> n.get("title") + " | " + n.get("body")).toList();
  }
}
