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
 * The app, in a real browser, when the EHR's FHIR server rejects every write (the demo's test
 * setting): a clear message, a retry, and the answers stay in the form and on the device.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "nocturne.demo.fhir.reject-writes=true")
@ActiveProfiles("local")
class QuestionnaireAppRejectedWriteBrowserTest {
  private static final int PORT = LocalApp.freePort();
  private static final String BASE = "http://127.0.0.1:" + PORT;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    LocalApp.onPort(registry, PORT, "app-rejected-write");
  }

  @RegisterExtension static final AppBrowserSession SESSION = new AppBrowserSession(PORT);

  private final LocalServer server = new LocalServer(PORT);
  private final AppBrowser browser = SESSION.browser();

  @Test
  void aFhirServerThatRejectsTheWrite_saysSo_keepsTheAnswers_andOffersARetry() {
    browser.launch(server, BASE, "demo-sciatica", "{\"view\":\"questionnaire\"}");
    browser.awaitView("form");
    browser.answerAsAPatientWithRestlessLegs();

    browser.press("submit");
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
