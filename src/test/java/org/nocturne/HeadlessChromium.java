package org.nocturne;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver for the browser tests, never a downloaded one: the
 * binaries are given (Selenium Manager is not asked), and the flags keep Chromium off this
 * machine's closed network.
 */
public final class HeadlessChromium {
  public static final Path CHROMIUM =
      Path.of(System.getProperty("nocturne.demo.chromium", "/usr/bin/chromium"));
  public static final Path CHROMEDRIVER =
      Path.of(System.getProperty("nocturne.demo.chromedriver", "/usr/bin/chromedriver"));
  public static final String MISSING =
      "SKIPPED: the browser tests need Debian's chromium and chromium-driver ("
          + CHROMIUM
          + ", "
          + CHROMEDRIVER
          + "): apt-get install -y chromium chromium-driver";

  /**
   * Selenium warns at every start that it has no DevTools module for this Chromium; the tests use
   * WebDriver only. Kept in a field: JUL holds its loggers weakly, and a collected one forgets its
   * level.
   */
  private static final Logger SELENIUM = Logger.getLogger("org.openqa.selenium");

  private HeadlessChromium() {}

  public static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  /**
   * @param profile an empty folder for Chromium's profile (the caller deletes it)
   * @param windowSize {@code width,height}
   */
  public static ChromeDriver start(Path profile, String windowSize) {
    SELENIUM.setLevel(Level.SEVERE);
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--user-data-dir=" + profile,
        "--window-size=" + windowSize);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    return new ChromeDriver(service, options);
  }

  /**
   * Saves what the window shows as {@code target/screenshots/<name>}, and as {@code
   * src/docs/<name>} when {@code -Dnocturne.demo.screenshots=write} (the README's pictures).
   */
  public static void screenshot(WebDriver driver, String name) {
    try {
      File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
      Path target = Path.of("target/screenshots", name);
      Files.createDirectories(target.getParent());
      Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      if ("write".equals(System.getProperty("nocturne.demo.screenshots"))) {
        Files.copy(shot.toPath(), Path.of("src/docs", name), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
