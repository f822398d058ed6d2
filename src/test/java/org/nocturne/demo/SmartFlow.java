package org.nocturne.demo;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.nocturne.LocalServer;
import org.nocturne.cdshooks.CdsJson;
import tools.jackson.databind.JsonNode;

/**
 * A SMART App Launch client for tests, speaking plain HTTP to the demo EHR as the app's {@code
 * fhirclient} does: launch from the chart, authorize with PKCE S256, exchange the code.
 */
public final class SmartFlow {
  public static final String VERIFIER = "test-verifier-" + "x".repeat(40);
  public static final String SCOPE =
      "launch openid fhirUser patient/Patient.rs patient/Condition.rs patient/Observation.rs"
          + " patient/MedicationRequest.rs patient/QuestionnaireResponse.cru";

  private final HttpClient http = HttpClient.newHttpClient();
  private final String origin;

  public SmartFlow(int port) {
    this.origin = "http://127.0.0.1:" + port;
  }

  public String fhirBase() {
    return origin + DemoFhirServer.PATH;
  }

  public String redirectUri() {
    return origin + "/app/";
  }

  /** The chart's launch for a patient. */
  public String launch(String patient, String appContext) {
    String body =
        appContext == null
            ? "{\"patient\":\"" + patient + "\"}"
            : CdsJson.mapper()
                .writeValueAsString(Map.of("patient", patient, "appContext", appContext));
    JsonNode answer =
        CdsJson.mapper()
            .readTree(
                send(HttpRequest.newBuilder(URI.create(origin + "/demo/api/launch"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build())
                    .body());
    return answer.path("launch").asString();
  }

  /** The authorize request's answer (not followed). */
  public HttpResponse<String> authorize(Map<String, String> parameters) {
    return send(
        HttpRequest.newBuilder(URI.create(origin + "/demo/auth/authorize?" + form(parameters)))
            .GET()
            .build());
  }

  /** A correct EHR-launch authorize request; change entries to break it. */
  public Map<String, String> authorizeParameters(String launch) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("response_type", "code");
    p.put("client_id", "nocturne-questionnaire");
    p.put("redirect_uri", redirectUri());
    p.put("scope", SCOPE);
    p.put("state", "state-123");
    p.put("aud", fhirBase());
    p.put("launch", launch);
    p.put("code_challenge", DemoAuthorizationServer.s256(VERIFIER));
    p.put("code_challenge_method", "S256");
    return p;
  }

  /** The query parameters of a redirect's Location. */
  public static Map<String, String> redirectParameters(HttpResponse<String> response) {
    String location = response.headers().firstValue("Location").orElseThrow();
    Map<String, String> parameters = new LinkedHashMap<>();
    String query = URI.create(location).getRawQuery();
    for (String pair : query.split("&")) {
      String[] kv = pair.split("=", 2);
      parameters.put(
          URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
          kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
    }
    return parameters;
  }

  public HttpResponse<String> token(String code, String verifier) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", redirectUri());
    form.put("client_id", "nocturne-questionnaire");
    if (verifier != null) {
      form.put("code_verifier", verifier);
    }
    return postForm("/demo/auth/token", form);
  }

  /** The whole EHR launch: the token response. */
  public JsonNode tokenFor(String patient, String appContext) {
    HttpResponse<String> authorized = authorize(authorizeParameters(launch(patient, appContext)));
    String code = redirectParameters(authorized).get("code");
    return CdsJson.mapper().readTree(token(code, VERIFIER).body());
  }

  public HttpResponse<String> revoke(String token) {
    return postForm("/demo/auth/revoke", Map.of("token", token));
  }

  public HttpResponse<String> fhir(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(fhirBase() + path))
            .header("Accept", "application/fhir+json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  /** A request from a browser page on {@code origin} (CORS), with the given method. */
  public HttpResponse<String> fromOrigin(
      String method, String path, String origin, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(this.origin + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin);
    headers.forEach(request::header);
    return send(request.build());
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(origin + path)).GET().build());
  }

  private HttpResponse<String> postForm(String path, Map<String, String> form) {
    return send(
        HttpRequest.newBuilder(URI.create(origin + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form(form)))
            .build());
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private HttpResponse<String> send(HttpRequest request) {
    return LocalServer.send(http, request);
  }
}
