package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.LocalServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app, in a real browser, when the EHR's FHIR server rejects every write (the demo's test
 * setting): a clear message, a retry, and the answers stay in the form and on the device.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "nocturne.demo.fhir.reject-writes=true")
@ActiveProfiles("local")
class QuestionnaireAppRejectedWriteBrowserTest {
  private static final int PORT = AppBrowser.freePort();
  private static final String BASE = "http://127.0.0.1:" + PORT;
  private static AppBrowser browser;
  private static boolean validatorReady;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add(
        "spring.datasource.url",
        () ->
            "jdbc:h2:mem:app-rejected-write;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
  }

  private final LocalServer server = new LocalServer(PORT);

  @BeforeAll
  static void startChromium() throws IOException {
    browser = AppBrowser.start();
  }

  @AfterAll
  static void stopChromium() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void chromium() {
    assumeTrue(browser != null, AppBrowser.MISSING_CHROMIUM);
    if (!validatorReady) {
      AppBrowser.awaitValidator(server);
      validatorReady = true;
    }
  }

  @Test
  void aFhirServerThatRejectsTheWrite_saysSo_keepsTheAnswers_andOffersARetry() {
    browser.launch(server, BASE, "demo-sciatica", "{\"view\":\"questionnaire\"}");
    browser.awaitView("form");
    browser.answerAsAPatientWithRestlessLegs();

    browser.driver.findElement(By.id("submit")).click();
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-kind")).isEqualTo("rejected");
    assertThat(message.getText())
        .contains("did not accept the answers")
        .contains("answers are kept")
        .contains("refuses writes");
    assertThat(browser.driver.findElement(By.id("retry")).isDisplayed()).isTrue();
    assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-view"))
        .as("still the form")
        .isEqualTo("form");
    assertThat(browser.isChecked("character", "urge-to-move")).isTrue();
    assertThat(browser.keptAnswers("demo-sciatica"))
        .contains("urge-to-move")
        .contains("\"completed\"");

    // Retrying meets the same refusal: the same message, the answers still there.
    browser.driver.findElement(By.id("retry")).click();
    browser.wait.until(d -> d.findElement(By.id("message")).isDisplayed());
    assertThat(browser.message().getAttribute("data-kind")).isEqualTo("rejected");
    assertThat(browser.isChecked("worse-evening-at-rest", "true")).isTrue();
    assertThat(server.get("/demo/fhir/QuestionnaireResponse?patient=demo-sciatica").body())
        .doesNotContain("urge-to-move");
  }
}
