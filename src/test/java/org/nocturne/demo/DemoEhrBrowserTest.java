package org.nocturne.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nocturne.HeadlessChromium;
import org.nocturne.LocalAppTest;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.FeedbackStore;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The demo EHR in a real browser (Debian's headless Chromium through its chromedriver; Selenium
 * never downloads a driver): a physician opens charts, accepts and overrides cards, signs orders.
 * Skipped, with the reason in the report, on a machine without Chromium.
 *
 * <p>Screenshots go to {@code target/screenshots/}; with {@code -Dnocturne.demo.screenshots=write}
 * they also replace the ones in {@code src/docs/} that the README shows.
 */
@LocalAppTest
class DemoEhrBrowserTest {
  private static final int PORT = LocalAppTest.PORT;
  private static final String BASE = "http://127.0.0.1:" + PORT;
  private static final String MISSING_CHROMIUM = HeadlessChromium.MISSING;
  private static WebDriver browser;
  private static Path profile;

  @Autowired FeedbackStore feedbackStore;
  private final LocalServer server = new LocalServer(PORT);
  private WebDriverWait wait;

  @BeforeAll
  static void startChromium() throws IOException {
    if (!HeadlessChromium.installed()) {
      System.err.println(MISSING_CHROMIUM);
      return;
    }
    profile = Files.createTempDirectory("nocturne-chromium-");
    browser = HeadlessChromium.start(profile, "1600,1200");
  }

  @AfterAll
  static void stopChromium() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (profile != null) {
      FileSystemUtils.deleteRecursively(profile);
    }
  }

  @BeforeEach
  void openTheDemo() {
    assumeTrue(browser != null, MISSING_CHROMIUM);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    browser.get(BASE + "/demo");
    wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
  }

  @Test
  void
      suspectedCltiPatient_acceptingTheUrgentOrder_createsTheServiceRequestAndRecordsAcceptedFeedback() {
    openPatient("demo-clti");
    WebElement card = card("chronicLimbThreateningIschemia");
    // Suspected CLTI (rest pain over two weeks, ABI 0.62, no tissue loss): a warning, urgent
    // orders.
    assertThat(card.getAttribute("data-indicator")).isEqualTo("warning");
    assertThat(card.findElement(By.cssSelector(".detail")).getText()).contains("rest pain");
    assertThat(card.findElement(By.cssSelector(".source")).getText()).contains("Nocturne CDS");
    screenshot("demo-clti-chart.png", card);

    // patient-view went without prefetch: the service fetched from the demo FHIR server itself.
    assertThat(lastCall("/cds-services/nocturnal-leg-pain")).doesNotContain("\"prefetch\"");

    WebElement order = card.findElement(By.cssSelector("button.suggestion"));
    order.click();
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            card.findElement(By.cssSelector(".outcome")), "feedback sent"));

    JsonNode requests =
        CdsJson.mapper()
            .readTree(server.get("/demo/fhir/ServiceRequest?patient=demo-clti").body())
            .path("entry");
    assertThat(requests).hasSize(1);
    JsonNode created = requests.get(0).path("resource");
    assertThat(created.path("reasonCode").toString()).contains("chronicLimbThreateningIschemia");
    assertThat(created.path("priority").asString()).isEqualTo("urgent");
    assertThat(browser.findElement(By.id("placed-orders")).getText())
        .contains("ServiceRequest/" + created.path("id").asString());

    assertThat(feedbackStore.recent(100))
        .anySatisfy(
            stored -> {
              assertThat(stored.serviceId()).isEqualTo("nocturnal-leg-pain");
              assertThat(stored.card()).isEqualTo(card.getAttribute("data-uuid"));
              assertThat(stored.outcome()).isEqualTo("accepted");
              assertThat(stored.topic().code()).isEqualTo("chronicLimbThreateningIschemia");
            });
    assertThat(lastCall("/cds-services/nocturnal-leg-pain/feedback"))
        .contains("\"accepted\"")
        .contains(order.getAttribute("data-uuid"));
  }

  @Test
  void acceptingAProblemListSuggestion_addsTheConditionToTheRecordAndTheChart() {
    openPatient("demo-rls");
    WebElement card = card("restlessLegs");
    WebElement add =
        card.findElement(
            By.xpath(".//button[contains(@class,'suggestion')][contains(., 'problem list')]"));
    add.click();
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            card.findElement(By.cssSelector(".outcome")), "feedback sent"));

    assertThat(browser.findElement(By.id("problems")).getText()).contains("Restless legs");
    assertThat(server.get("/demo/fhir/Condition?patient=demo-rls").body())
        .contains("Restless legs");
  }

  @Test
  void overridingACardWithAReason_sendsOverriddenFeedback() {
    openPatient("demo-cauda");
    WebElement card = card("caudaEquina");
    new Select(card.findElement(By.cssSelector("select.override-reason")))
        .selectByVisibleText("Already assessed");
    card.findElement(By.cssSelector("button.override-button")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            card.findElement(By.cssSelector(".outcome")), "Overridden: Already assessed"));

    assertThat(feedbackStore.recent(100))
        .anySatisfy(
            stored -> {
              assertThat(stored.card()).isEqualTo(card.getAttribute("data-uuid"));
              assertThat(stored.outcome()).isEqualTo("overridden");
              assertThat(stored.overrideReasonCode()).isEqualTo("already-assessed");
              assertThat(stored.topic().code()).isEqualTo("caudaEquina");
            });
  }

  @Test
  void onlyWarningAndCriticalCards_offerAnOverride() {
    openPatient("demo-cauda");
    card("caudaEquina");
    List<WebElement> cards = browser.findElements(By.cssSelector("#cards article.card"));

    assertThat(cards)
        .filteredOn(card -> "info".equals(card.getAttribute("data-indicator")))
        .isNotEmpty()
        .allSatisfy(
            card ->
                assertThat(card.findElements(By.cssSelector("select.override-reason"))).isEmpty());
    assertThat(cards)
        .filteredOn(card -> !"info".equals(card.getAttribute("data-indicator")))
        .isNotEmpty()
        .allSatisfy(
            card ->
                assertThat(card.findElements(By.cssSelector("select.override-reason"))).hasSize(1));
  }

  @Test
  void signingQuinine_showsTheQuinineSafetyCard_andItsDeleteSuggestionRemovesTheDraft() {
    openPatient("demo-quinine");
    new Select(browser.findElement(By.id("order-catalogue"))).selectByValue("quinine");
    browser.findElement(By.id("add-order")).click();
    wait.until(d -> !lastCall("/cds-services/nocturnal-leg-pain-order-select").isEmpty());
    assertThat(browser.findElements(By.cssSelector("#draft-orders li"))).hasSize(1);

    browser.findElement(By.id("sign-orders")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("cds-status"), "from nocturnal-leg-pain-order-sign"));
    WebElement card = card("quinineForLegCramps");
    assertThat(lastCall("/cds-services/nocturnal-leg-pain-order-sign"))
        .contains("\"draftOrders\"")
        .contains("\"prefetch\"");
    assertThat(card.getAttribute("data-indicator")).isEqualTo("critical");
    screenshot("demo-quinine-sign.png", card, browser.findElement(By.id("orders-title")));

    card.findElement(By.cssSelector("button.suggestion")).click();
    wait.until(
        ExpectedConditions.textToBePresentInElement(
            card.findElement(By.cssSelector(".outcome")), "feedback sent"));
    assertThat(card.findElement(By.cssSelector(".outcome")).getText()).contains("removed");
    assertThat(browser.findElements(By.cssSelector("#draft-orders li"))).isEmpty();
  }

  @Test
  void cardPanel_passesAxeAccessibilityChecks_andSuggestionsAreReachableByKeyboard() {
    openPatient("demo-clti");
    card("chronicLimbThreateningIschemia");

    Results results = new AxeBuilder().include("#cds-panel").analyze(browser);
    List<String> violations =
        results.getViolations().stream().map(DemoEhrBrowserTest::describe).toList();
    assertThat(violations).isEmpty();
    assertThat(results.getPasses()).isNotEmpty();

    WebElement first = browser.findElement(By.cssSelector("#cds-panel button.suggestion"));
    WebElement focused = null;
    for (int i = 0; i < 80 && !first.equals(focused); i++) {
      browser.switchTo().activeElement().sendKeys(Keys.TAB);
      focused = browser.switchTo().activeElement();
    }
    assertThat(focused).as("Tab reaches the first suggestion").isEqualTo(first);
    String outline =
        (String)
            ((JavascriptExecutor) browser)
                .executeScript("return getComputedStyle(document.activeElement).outlineStyle;");
    assertThat(outline).as("a visible focus ring").isNotEqualTo("none");
  }

  @Test
  void thePatientWithoutALegPainComplaint_getsNoCards() {
    openPatient("demo-no-complaint");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("cds-status"), "from nocturnal-leg-pain"));

    assertThat(browser.findElement(By.id("cds-status")).getText()).startsWith("No cards");
    assertThat(browser.findElements(By.cssSelector("#cards article.card"))).isEmpty();
  }

  private void openPatient(String id) {
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#patient-list button[data-patient-id='" + id + "']")))
        .click();
    wait.until(ExpectedConditions.attributeToBe(By.id("chart"), "data-patient-id", id));
  }

  private WebElement card(String topic) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.cssSelector("#cards article.card[data-topic='" + topic + "']")));
  }

  /** The request body of the newest call to a path, read from the (collapsed) inspector. */
  private String lastCall(String path) {
    List<WebElement> calls =
        browser.findElements(By.cssSelector("#inspector details[data-path='" + path + "'] pre"));
    return calls.isEmpty() ? "" : calls.get(0).getAttribute("textContent");
  }

  /** A screenshot of the window with the elements in view (each column scrolls on its own). */
  private void screenshot(String name, WebElement... inView) {
    for (WebElement element : inView) {
      ((JavascriptExecutor) browser)
          .executeScript("arguments[0].scrollIntoView({block: 'start'});", element);
    }
    HeadlessChromium.screenshot(browser, name);
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + ": "
        + rule.getHelp()
        + " "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }
}
