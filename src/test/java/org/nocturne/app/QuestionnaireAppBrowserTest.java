package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import tools.jackson.databind.JsonNode;

/**
 * The questionnaire app end to end in a real browser, against the demo EHR of the {@code local}
 * profile: its chart launches the app from a card (SMART EHR launch through the demo's
 * authorization server, PKCE), the patient answers, the completed QuestionnaireResponse lands on
 * the demo FHIR server and the chart's card changes; a standalone launch; the launch errors; a
 * token withdrawn mid-form.
 */
@LocalAppTest
class QuestionnaireAppBrowserTest {
  private static final int PORT = LocalAppTest.PORT;
  private static final String BASE = "http://127.0.0.1:" + PORT;

  @RegisterExtension static final AppBrowserSession SESSION = new AppBrowserSession(PORT);

  private final LocalServer server = new LocalServer(PORT);
  private final AppBrowser browser = SESSION.browser();

  @BeforeEach
  void oneWindow() {
    List<String> handles = new ArrayList<>(browser.driver.getWindowHandles());
    for (String handle : handles.subList(1, handles.size())) {
      browser.driver.switchTo().window(handle).close();
    }
    browser.driver.switchTo().window(handles.get(0));
  }

  @Test
  void
      fromTheChartsCard_aPatientWithRestlessLegsAnswers_theResponseIsOnTheRecordAndTheCardRanksRestlessLegsFirst() {
    // The chart of a patient with night leg pain and no answers: the questionnaire card.
    browser.driver.get(BASE + "/demo");
    browser.awaitBody("data-ready", "true");
    openPatient("demo-unanswered");
    WebElement card = card("questionnaireNeeded");
    assertThat(cards()).doesNotContain("restlessLegs");
    String chart = browser.driver.getWindowHandle();

    // Its SMART link: the chart creates a launch context and opens the app with launch and iss.
    card.findElement(By.cssSelector("button.smart-link")).click();
    browser.wait.until(d -> d.getWindowHandles().size() == 2);
    for (String handle : browser.driver.getWindowHandles()) {
      if (!handle.equals(chart)) {
        browser.driver.switchTo().window(handle);
      }
    }
    browser.awaitView("form");
    assertThat(browser.driver.findElement(By.id("patient-name")).getText())
        .isEqualTo("Maja Lindqvist");
    assertThat(browser.axeViolations("main")).isEmpty();

    browser.answerAsAPatientWithRestlessLegs();
    browser.screenshot("app-form-desktop.png", AppBrowser.DESKTOP_WIDTH, 2400);
    browser.screenshot("app-form-phone.png", AppBrowser.PHONE_WIDTH, AppBrowser.PHONE_HEIGHT);
    browser.press("submit");
    browser.awaitView("assessment");

    // The assessment: restless legs first, with its findings and guideline links.
    WebElement top = browser.driver.findElement(By.id("top-cause"));
    assertThat(top.getAttribute("data-code")).isEqualTo("restless-legs");
    WebElement first = browser.driver.findElement(By.cssSelector("#causes li.cause"));
    assertThat(first.getAttribute("data-code")).isEqualTo("restless-legs");
    assertThat(first.findElements(By.cssSelector(".findings.for li"))).isNotEmpty();
    assertThat(browser.driver.findElements(By.cssSelector("#assessment a[href^='http']")))
        .isNotEmpty();
    assertThat(
            browser
                .driver
                .findElement(By.cssSelector(".questionnaire-status"))
                .getAttribute("data-status"))
        .isEqualTo("current");
    assertThat(browser.axeViolations("main")).isEmpty();
    browser.screenshot("app-assessment-desktop.png", AppBrowser.DESKTOP_WIDTH, 2400);
    browser.screenshot("app-assessment-phone.png", AppBrowser.PHONE_WIDTH, AppBrowser.PHONE_HEIGHT);
    assertThat(browser.keptAnswers("demo-unanswered")).as("sent: the device copy is gone").isNull();

    // On the record: a completed response of the patient, in our profile, with her answers.
    JsonNode responses =
        CdsJson.mapper()
            .readTree(server.get("/demo/fhir/QuestionnaireResponse?patient=demo-unanswered").body())
            .path("entry");
    assertThat(responses).hasSize(1);
    JsonNode response = responses.get(0).path("resource");
    assertThat(response.path("status").asString()).isEqualTo("completed");
    assertThat(response.path("subject").path("reference").asString())
        .isEqualTo("Patient/demo-unanswered");
    assertThat(response.path("questionnaire").asString())
        .startsWith("http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain");
    assertThat(response.toString()).contains("urge-to-move").contains("crawling-creeping");

    // Back in the chart, the hook runs again: the differential card now puts restless legs first.
    browser.driver.close();
    browser.driver.switchTo().window(chart);
    browser.driver.get(BASE + "/demo/#patient=demo-unanswered");
    browser.awaitBody("data-ready", "true");
    browser.wait.until(
        ExpectedConditions.attributeToBe(By.id("chart"), "data-patient-id", "demo-unanswered"));
    card("restlessLegs");
    assertThat(cards()).doesNotContain("questionnaireNeeded");
  }

  @Test
  void aStandaloneLaunch_signsInAtTheChosenServer_andOpensTheFormOfThePatientPickedThere() {
    browser.driver.get(BASE + "/app/launch");
    browser.awaitBody("data-state", "choose");
    browser.driver.findElement(By.cssSelector("#servers a")).click();
    // The demo's patient picker (standalone launch: launch/patient)
    browser
        .wait
        .until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Fischer")))
        .click();
    browser.awaitView("form");
    assertThat(browser.driver.findElement(By.id("patient-name")).getText())
        .isEqualTo("Ann Fischer");
  }

  @Test
  void aLaunchWithoutIss_isRefusedWithAClearMessage() {
    browser.driver.get(BASE + "/app/launch?launch=abc");
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-code")).isEqualTo("missing-iss");
    assertThat(message.getText()).contains("which FHIR server");
  }

  @Test
  void aLaunchFromAnIssOutsideTheAllowlist_isRefusedBeforeAnythingLeavesTheBrowser() {
    browser.driver.get(BASE + "/app/launch?launch=abc&iss=" + enc("https://ehr.example.org/fhir"));
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-code")).isEqualTo("iss-not-allowed");
    assertThat(message.getText()).contains("https://ehr.example.org/fhir");
    assertThat(browser.driver.getCurrentUrl()).startsWith(BASE + "/app/launch");
  }

  @Test
  void aRedirectWithAStateThisBrowserNeverSent_stopsWithAStateMismatchMessage() {
    browser.driver.get(BASE + "/app/?code=stolen-code&state=forged-state");
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-code")).isEqualTo("state-mismatch");
    assertThat(message.getText()).contains("does not match");
    assertThat(browser.driver.findElement(By.tagName("body")).getAttribute("data-view"))
        .isEqualTo("error");
  }

  @Test
  void aTokenWithdrawnMidForm_saysToSignInAgain_andTheAnswersSurviveIntoTheNextLaunch() {
    browser.launch(server, BASE, "demo-cramps", "{\"view\":\"questionnaire\"}");
    browser.awaitView("form");
    browser.answer("onset", "over-3-months");
    browser.answer("character", "cramp-hard-muscle");
    String token = browser.accessToken();
    var revoked =
        server.post(
            "/demo/auth/revoke",
            "application/x-www-form-urlencoded",
            ("token=" + enc(token)).getBytes(StandardCharsets.UTF_8));
    assertThat(revoked.statusCode()).isEqualTo(200);

    browser.driver.findElement(By.id("save")).click();
    WebElement message = browser.message();
    assertThat(message.getAttribute("data-kind")).isEqualTo("session");
    assertThat(message.getText()).contains("expired or was withdrawn").contains("answers are kept");
    assertThat(browser.isChecked("onset", "over-3-months")).as("still in the form").isTrue();
    assertThat(browser.keptAnswers("demo-cramps")).contains("cramp-hard-muscle");
    assertThat(
            server
                .get("/demo/fhir/QuestionnaireResponse?patient=demo-cramps&status=in-progress")
                .body())
        .doesNotContain("cramp-hard-muscle");

    // Opened again from the record: the answers kept on the device are back in the form.
    browser.launch(server, BASE, "demo-cramps", "{\"view\":\"questionnaire\"}");
    browser.awaitView("form");
    assertThat(browser.driver.findElement(By.id("resumed")).getAttribute("data-source"))
        .isEqualTo("device");
    assertThat(browser.isChecked("onset", "over-3-months")).isTrue();
    assertThat(browser.isChecked("character", "cramp-hard-muscle")).isTrue();
    browser.driver.findElement(By.id("save")).click();
    browser.awaitBody("data-saved", "record");
    assertThat(
            server
                .get("/demo/fhir/QuestionnaireResponse?patient=demo-cramps&status=in-progress")
                .body())
        .contains("cramp-hard-muscle");
  }

  private void openPatient(String id) {
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#patient-list button[data-patient-id='" + id + "']")))
        .click();
    browser.wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-patient-id", id));
  }

  private WebElement card(String topic) {
    return browser.wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#cards article.card[data-topic='" + topic + "']")));
  }

  private List<String> cards() {
    return browser.driver.findElements(By.cssSelector("#cards article.card")).stream()
        .map(c -> c.getAttribute("data-topic"))
        .toList();
  }

  static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
