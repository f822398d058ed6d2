package org.nocturne.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.nocturne.HeadlessChromium;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.demo.SmartFlow;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * The questionnaire app in Debian's headless Chromium through its chromedriver (the demo's setup:
 * Selenium never downloads a browser or driver). One per test class; {@link #start} returns null on
 * a machine without Chromium, and the tests are skipped with the reason.
 *
 * <p>Screenshots go to {@code target/screenshots/}; with {@code -Dnocturne.demo.screenshots=write}
 * they also replace the ones in {@code src/docs/} that the README shows.
 */
final class AppBrowser implements AutoCloseable {
  static final String MISSING_CHROMIUM = HeadlessChromium.MISSING;
  static final int DESKTOP_WIDTH = 1280;
  static final int PHONE_WIDTH = 375;
  static final int PHONE_HEIGHT = 812;

  final WebDriver driver;
  final WebDriverWait wait;
  private final Path profile;

  private AppBrowser(WebDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
    // generous: the first answers sent after a start wait for HAPI's validator to load (16-19 s
    // alone, and once over 30 s with the whole suite on two cores); a wait ends when the page does
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(90));
  }

  static AppBrowser start() throws IOException {
    if (!HeadlessChromium.installed()) {
      System.err.println(MISSING_CHROMIUM);
      return null;
    }
    Path profile = Files.createTempDirectory("nocturne-app-chromium-");
    return new AppBrowser(HeadlessChromium.start(profile, DESKTOP_WIDTH + ",1000"), profile);
  }

  @Override
  public void close() {
    driver.quit();
    FileSystemUtils.deleteRecursively(profile.toFile());
  }

  Object script(String script, Object... args) {
    return ((JavascriptExecutor) driver).executeScript(script, args);
  }

  /** Waits until the app shows a view: {@code form}, {@code assessment} or {@code error}. */
  void awaitView(String view) {
    awaitBody("data-view", view);
  }

  /**
   * Clicks a button as a user would, once it is in view and enabled: after a screenshot has resized
   * the window, a click at once could land on the old layout and be lost.
   */
  void press(String id) {
    WebElement button = driver.findElement(By.id(id));
    script("arguments[0].scrollIntoView({block: 'center'});", button);
    wait.until(ExpectedConditions.elementToBeClickable(button)).click();
  }

  /** Waits for an attribute of the page's body, across the redirects of a sign-in. */
  void awaitBody(String attribute, String value) {
    try {
      // read in one script call, and retried when a redirect replaces the page mid-call
      wait.ignoring(WebDriverException.class)
          .until(
              d ->
                  value.equals(
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "return document.body ? document.body.getAttribute(arguments[0]) : null;",
                              attribute)));
    } catch (TimeoutException e) {
      throw new AssertionError(
          "no body["
              + attribute
              + "="
              + value
              + "] at "
              + driver.getCurrentUrl()
              + ", the page says: "
              + driver.findElement(By.tagName("body")).getText(),
          e);
    }
  }

  /** An EHR launch as the chart does it: a launch context for the patient, then the launch URL. */
  void launch(LocalServer server, String base, String patient, String appContext) {
    var created =
        server.postJson(
            "/demo/api/launch",
            CdsJson.mapper()
                .writeValueAsString(Map.of("patient", patient, "appContext", appContext)));
    assertThat(created.statusCode()).isEqualTo(201);
    String launch = CdsJson.mapper().readTree(created.body()).path("launch").asString();
    driver.get(
        base
            + "/app/launch?iss="
            + URLEncoder.encode(base + "/demo/fhir", StandardCharsets.UTF_8)
            + "&launch="
            + URLEncoder.encode(launch, StandardCharsets.UTF_8));
  }

  /** Clicks the answer of a coded item ({@code code}) or a boolean one ({@code true/false}). */
  void answer(String linkId, String code) {
    WebElement label =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("label[id^='" + linkId + "/'][id$='|" + code + "']")));
    script("arguments[0].scrollIntoView({block: 'center'});", label);
    label.click();
  }

  /** Every required question, answered as a patient with restless legs would. */
  void answerAsAPatientWithRestlessLegs() {
    String[][] answers = {
      {"onset", "over-3-months"},
      {"nights-per-week", "6-7"},
      {"sudden-onset", "false"},
      {"character", "urge-to-move"},
      {"character", "crawling-creeping"},
      {"location", "calf"},
      {"laterality", "both"},
      {"relief-stretching", "false"},
      {"relief-moving", "true"},
      {"returns-when-still", "true"},
      {"worse-evening-at-rest", "true"},
      {"worse-sitting-or-lying-still", "true"},
      {"exertional-calf-pain", "false"},
      {"sleep-disrupted", "true"},
      {"swelling", "none"},
      {"calf-tenderness", "no"},
      {"recent-immobility-or-surgery", "false"},
      {"skin-changes", "none"},
      {"cold-pale-leg", "false"},
      {"new-weakness-or-numbness", "false"},
      {"bladder-or-bowel-change", "false"},
      {"saddle-numbness", "false"},
      {"fever", "no"},
      {"weight-loss", "no"},
    };
    for (String[] answer : answers) {
      answer(answer[0], answer[1]);
    }
  }

  boolean isChecked(String linkId, String code) {
    return driver
        .findElement(By.cssSelector("label[id^='" + linkId + "/'][id$='|" + code + "']"))
        .getAttribute("class")
        .contains("checked");
  }

  /** The app's message box, once shown. */
  WebElement message() {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("message")));
  }

  /** The access token fhirclient holds for this tab (its state in sessionStorage). */
  String accessToken() {
    return (String)
        script(
            "const key = JSON.parse(sessionStorage.getItem('SMART_KEY'));"
                + " return JSON.parse(sessionStorage.getItem(key)).tokenResponse.access_token;");
  }

  /** The answers the app keeps in localStorage for a patient (null when none). */
  String keptAnswers(String patient) {
    return (String)
        script(
            "for (let i = 0; i < localStorage.length; i++) { const k = localStorage.key(i);"
                + " if (k.startsWith('nocturne.answers.') && k.endsWith('|' + arguments[0]))"
                + " return localStorage.getItem(k); } return null;",
            patient);
  }

  List<String> axeViolations(String selector) {
    Results results = new AxeBuilder().include(selector).analyze(driver);
    assertThat(results.getPasses()).isNotEmpty();
    return results.getViolations().stream().map(AppBrowser::describe).toList();
  }

  /**
   * A screenshot from the top of the page at a width: the whole page at most {@code maxHeight} tall
   * (a phone's screen is 812 px), then back to the desktop size.
   */
  void screenshot(String name, int width, int maxHeight) {
    script("window.scrollTo(0, 0);");
    driver.manage().window().setSize(new Dimension(width, 1000));
    long height =
        ((Number) script("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, maxHeight)));
    script("window.scrollTo(0, 0);");
    try {
      HeadlessChromium.screenshot(driver, name);
    } finally {
      driver.manage().window().setSize(new Dimension(DESKTOP_WIDTH, 1000));
    }
  }

  private static String describe(Rule rule) {
    return rule.getId()
        + ": "
        + rule.getHelp()
        + " "
        + rule.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
  }

  /**
   * Waits once per server for HAPI's validator, built in the background at start-up (up to a minute
   * on a busy machine): the first submit in a test then takes its usual second.
   */
  static void awaitValidator(LocalServer server) {
    // the validator answers the app's own launches only: a demo token for a demo patient
    int port = URI.create(server.base()).getPort();
    String token = new SmartFlow(port).tokenFor("demo-rls", null).path("access_token").asString();
    // the validator answers 503 (Retry-After) while it is still being built: ask again
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    HttpResponse<String> response;
    do {
      response = validateWarmUp(server, token);
      if (response.statusCode() == 503) {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    } while (response.statusCode() == 503 && System.nanoTime() < deadline);
    assertThat(response.statusCode()).as(response.body()).isIn(200, 422);
  }

  private static HttpResponse<String> validateWarmUp(LocalServer server, String token) {
    return server.send(
        HttpRequest.newBuilder(
                URI.create(server.base() + "/app/api/questionnaire-responses/validate"))
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer " + token)
            .header(ValidateController.FHIR_SERVER_HEADER, server.base() + "/demo/fhir")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"in-progress\","
                        + "\"questionnaire\":\"http://nocturne-cds.org/fhir/Questionnaire/nocturnal-leg-pain\","
                        + "\"subject\":{\"reference\":\"Patient/demo-rls\"},"
                        + "\"authored\":\"2026-11-27T00:00:00Z\"}"))
            .build());
  }
}
