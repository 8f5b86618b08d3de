package org.townhall.bot;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.townhall.bot.support.FreePort;
import org.townhall.bot.support.BotInstance;
import org.townhall.bot.support.Browser;
import org.townhall.bot.support.Http;

/**
 * The one-line launcher on the council's own site: a page served from another origin on loopback
 * adds the chat with {@code <script src=".../webchat/embed.js">}, and a resident chats in the panel.
 * A site not in {@code townhall.security.embed-origins} cannot show the chat at all.
 */
class WebChatEmbedBrowserTests {

  private static HttpServer councilSite;
  private static HttpServer otherSite;
  private static BotInstance bot;
  private ChromeDriver browser;

  /** A page of someone's site on this loopback port (0: any free one), with the launcher snippet. */
  private static HttpServer site(int port, String heading) throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.createContext("/", exchange -> {
      byte[] page = ("<!doctype html><html lang=\"en\"><title>" + heading + "</title><h1>" + heading + "</h1>"
          + "<script src=\"http://127.0.0.1:" + bot.port() + "/webchat/embed.js\" defer></script></html>")
          .getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
      exchange.sendResponseHeaders(200, page.length);
      exchange.getResponseBody().write(page);
      exchange.close();
    });
    server.start();
    return server;
  }

  @BeforeAll
  static void start() throws Exception {
    // The council's port must be known before the bot starts (it is the allowed origin).
    int councilPort = FreePort.onLoopback();
    bot = BotInstance.start("townhall.security.embed-origins=http://127.0.0.1:" + councilPort);
    councilSite = site(councilPort, "Demo Council: bins and recycling");
    otherSite = site(0, "Somebody else's site");
  }

  @AfterAll
  static void stop() {
    councilSite.stop(0);
    otherSite.stop(0);
    bot.close();
  }

  @BeforeEach
  void open() {
    browser = Browser.start();
  }

  @AfterEach
  void close() {
    browser.quit();
  }

  private WebDriverWait waiting() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void onTheCouncilsSiteTheLauncherOpensTheChatAndTheResidentGetsAnAnswer() {
    browser.get("http://127.0.0.1:" + councilSite.getAddress().getPort() + "/");
    WebElement launcher = waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Ask the council']")));
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("false");

    launcher.click();
    assertThat(launcher.getAttribute("aria-expanded")).isEqualTo("true");
    waiting().until(ExpectedConditions.frameToBeAvailableAndSwitchToIt(By.id("townhall-chat")));
    waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#transcript .line.bot .text")));
    browser.findElement(By.id("message")).sendKeys("how do I pay my council tax");
    browser.findElement(By.id("send")).click();
    waiting().until(d -> d.findElements(By.cssSelector("#transcript .line.bot")).stream()
        .anyMatch(line -> line.getText().contains("council tax")));
  }

  @Test
  void anotherSiteCannotShowTheChatButTheConsoleIsNeverFramed() {
    browser.get("http://127.0.0.1:" + otherSite.getAddress().getPort() + "/");
    waiting().until(ExpectedConditions.elementToBeClickable(By.xpath("//button[.='Ask the council']"))).click();
    browser.switchTo().frame("townhall-chat");
    // The browser refuses to render the chat inside this site: no chat page in the frame.
    org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
        .until(() -> browser.findElements(By.id("transcript")).isEmpty());
    browser.switchTo().defaultContent();

    Http http = new Http(bot.port());
    var chat = http.send(http.request("/").setHeader("Accept", "text/html").GET());
    assertThat(chat.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).endsWith("frame-ancestors 'self' http://127.0.0.1:" + councilSite.getAddress().getPort()));
    var console = http.send(http.request("/console/login.html").setHeader("Accept", "text/html").GET());
    assertThat(console.raw().headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
        assertThat(csp).endsWith("frame-ancestors 'none'"));
    assertThat(console.raw().headers().firstValue("X-Frame-Options")).hasValue("DENY");
  }
}
