package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nocturne.LocalApp;
import org.nocturne.LocalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app, in a real browser, when its access token expires mid-form (the demo's tokens live
 * {@value #TOKEN_SECONDS} seconds here): a clear message to sign in again, and the answers stay in
 * the form and on the device.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties =
        "nocturne.demo.auth.token-lifetime=PT"
            + QuestionnaireAppExpiredTokenBrowserTest.TOKEN_SECONDS
            + "S")
@ActiveProfiles("local")
class QuestionnaireAppExpiredTokenBrowserTest {
  static final int TOKEN_SECONDS = 15;
  private static final int PORT = LocalApp.freePort();
  private static final String BASE = "http://127.0.0.1:" + PORT;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "app-expired-token");
  }

  @RegisterExtension static final AppBrowserSession SESSION = new AppBrowserSession(PORT);

  private final LocalServer server = new LocalServer(PORT);
  private final AppBrowser browser = SESSION.browser();

  @Test
  void anExpiredToken_saysTheSignInHasEnded_andKeepsTheAnswers() throws InterruptedException {
    browser.launch(server, BASE, "demo-arthritis", "{\"view\":\"questionnaire\"}");
    browser.awaitView("form");
    browser.answer("onset", "2-weeks-to-3-months");
    browser.answer("location", "thigh");
    Thread.sleep((TOKEN_SECONDS + 2) * 1000L);

    browser.driver.findElement(By.id("save")).click();
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-kind")).isEqualTo("session");
    assertThat(message.getText()).contains("expired").contains("answers are kept");
    assertThat(browser.driver.findElement(By.id("relaunch")).isDisplayed()).isTrue();
    assertThat(browser.isChecked("onset", "2-weeks-to-3-months")).isTrue();
    assertThat(browser.keptAnswers("demo-arthritis")).contains("thigh");
  }
}
