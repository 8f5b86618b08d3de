package org.townhall.bot.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real headless Chromium from the system packages ({@code chromium}, {@code chromium-driver}), never
 * a downloaded browser. The flags keep it from reaching out to the (closed) network.
 */
public final class Browser {

  private static final String CHROMIUM = "/usr/bin/chromium";
  private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

  private Browser() {}

  public static ChromeDriver start() {
    return start(null);
  }

  /** A browser that saves downloads into {@code downloads} without asking (null: the default). */
  public static ChromeDriver start(Path downloads) {
    try {
      ChromeOptions options = new ChromeOptions();
      options.setBinary(CHROMIUM);
      if (downloads != null) {
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory",
            downloads.toAbsolutePath().toString(), "download.prompt_for_download", false));
      }
      options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
          "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
          "--disable-sync", "--window-size=1280,800",
          "--user-data-dir=" + Files.createTempDirectory("townhall-chromium"));
      ChromeDriverService service = new ChromeDriverService.Builder()
          .usingDriverExecutable(new File(CHROMEDRIVER))
          .usingAnyFreePort()
          .build();
      ChromeDriver driver = new ChromeDriver(service, options);
      driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
      return driver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot prepare a Chromium profile", e);
    }
  }

  /** Waits up to 15 seconds for a page that re-renders as it updates (a stale element is looked up again). */
  public static WebDriverWait waiting(org.openqa.selenium.WebDriver driver) {
    WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
  public static void screenshot(ChromeDriver driver, String name) {
    try {
      Path folder = Path.of("target", "screenshots");
      Files.createDirectories(folder);
      Files.write(folder.resolve(name + ".png"), driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Clicks the element once it is clickable. The console's queue re-renders on every update, so
   * a button found a moment ago may already be replaced by the time it is clicked: finding and
   * clicking happen inside one wait, which tries again on a stale element.
   */
  public static void click(WebDriverWait wait, By locator) {
    wait.ignoring(StaleElementReferenceException.class).until(driver -> {
      WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(driver);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }
}
