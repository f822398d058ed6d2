package org.nocturne.app;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nocturne.LocalServer;

/**
 * One headless Chromium for a browser test class of the app, against the application on {@code
 * port}: started before the class, closed after it; each test is skipped when Chromium is not
 * installed, and the first waits until the app's validator has loaded (its first answers would
 * otherwise wait for it). Register it with {@code @RegisterExtension}.
 */
final class AppBrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
  private final LocalServer server;
  private AppBrowser browser;
  private boolean validatorReady;

  AppBrowserSession(int port) {
    this.server = new LocalServer(port);
  }

  AppBrowser browser() {
    return browser;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    browser = AppBrowser.start();
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    assumeTrue(browser != null, AppBrowser.MISSING_CHROMIUM);
    if (!validatorReady) {
      AppBrowser.awaitValidator(server);
      validatorReady = true;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (browser != null) {
      browser.close();
    }
  }
}
