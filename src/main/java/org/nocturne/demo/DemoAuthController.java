package org.nocturne.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The authorization server's endpoints (SMART App Launch 2.x, RFC 6749, RFC 7636, RFC 7009) and the
 * chart's launch endpoint. Local only: it approves every request that passes its checks.
 */
@RestController
@ConditionalOnBooleanProperty("nocturne.demo.enabled")
class DemoAuthController {
  static final String AUTHORIZE = "/demo/auth/authorize";
  static final String TOKEN = "/demo/auth/token";
  static final String REVOKE = "/demo/auth/revoke";
  static final String JWKS = "/demo/auth/jwks";
  static final String LAUNCH = "/demo/api/launch";
  private static final int MAX_APP_CONTEXT = 1024;

  private final DemoAuthorizationServer server;
  private final DemoFhirServer fhir;

  DemoAuthController(DemoAuthorizationServer server, DemoFhirServer fhir) {
    this.server = server;
    this.fhir = fhir;
  }

  /** The chart starts a launch for the patient in view (CDS Hooks: the EHR adds launch and iss). */
  @PostMapping(
      value = LAUNCH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, String>> launch(@RequestBody Map<String, Object> body) {
    Object patient = body.get("patient");
    Object appContext = body.get("appContext");
    if (!(patient instanceof String id) || patient(id).isEmpty()) {
      return ResponseEntity.badRequest().body(Map.of("error", "no such demo patient"));
    }
    if (appContext != null
        && (!(appContext instanceof String text) || text.length() > MAX_APP_CONTEXT)) {
      return ResponseEntity.badRequest()
          .body(Map.of("error", "appContext must be a string of at most 1024 characters"));
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(Map.of("launch", server.launch(id, (String) appContext)));
  }

  @GetMapping(AUTHORIZE)
  ResponseEntity<String> authorize(
      @RequestParam Map<String, String> query, HttpServletRequest request) {
    String redirectUri = query.get("redirect_uri");
    // RFC 6749 §4.1.2.1: without a known client and its exact redirect URI, never redirect
    if (!DemoAuthorizationServer.CLIENT_ID.equals(query.get("client_id"))) {
      return page(HttpStatus.BAD_REQUEST, "Unknown client", "client_id is not a registered app.");
    }
    if (redirectUri == null || !DemoOrigins.redirectUris(request).contains(redirectUri)) {
      return page(
          HttpStatus.BAD_REQUEST,
          "Unregistered redirect URI",
          "redirect_uri must be exactly one of " + DemoOrigins.redirectUris(request) + ".");
    }
    String state = query.get("state");
    if (!"code".equals(query.get("response_type"))) {
      return redirect(
          redirectUri, state, "unsupported_response_type", "response_type must be code");
    }
    if (!"S256".equals(query.get("code_challenge_method"))
        || !DemoAuthorizationServer.validChallenge(query.get("code_challenge"))) {
      return redirect(
          redirectUri,
          state,
          "invalid_request",
          "PKCE with code_challenge_method S256 is required");
    }
    String aud = query.get("aud");
    Set<String> bases = DemoOrigins.fhirBases(request);
    if (aud == null || !bases.contains(stripSlash(aud))) {
      return redirect(
          redirectUri, state, "invalid_request", "aud must be this EHR's FHIR base URL");
    }
    SmartScopes scopes = SmartScopes.grant(query.get("scope"), fhir.resourceTypes());
    String patient;
    String appContext = null;
    String launch = query.get("launch");
    if (launch != null) {
      Optional<DemoAuthorizationServer.Launch> context = server.launchContext(launch);
      if (context.isEmpty()) {
        return redirect(redirectUri, state, "invalid_request", "unknown or expired launch");
      }
      patient = context.get().patient();
      appContext = context.get().appContext();
    } else if (scopes.has("launch/patient")) {
      String chosen = query.get("demo_patient");
      if (chosen == null || patient(chosen).isEmpty()) {
        return picker(query);
      }
      patient = chosen;
    } else {
      return redirect(
          redirectUri,
          state,
          "invalid_scope",
          "no patient context: an EHR launch needs launch, a standalone launch launch/patient");
    }
    String code =
        server.code(
            server.grant(
                redirectUri,
                query.get("code_challenge"),
                patient,
                scopes,
                appContext,
                stripSlash(aud)));
    return found(
        redirectUri + "?code=" + encode(code) + (state == null ? "" : "&state=" + encode(state)));
  }

  @PostMapping(
      value = TOKEN,
      consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> token(@RequestParam Map<String, String> form) {
    DemoAuthorizationServer.TokenAnswer answer =
        server.exchange(
            form.get("grant_type"),
            form.get("code"),
            form.get("redirect_uri"),
            form.get("client_id"),
            form.get("code_verifier"));
    return ResponseEntity.status(answer.status())
        .cacheControl(CacheControl.noStore())
        .header(HttpHeaders.PRAGMA, "no-cache")
        .body(answer.body());
  }

  /** RFC 7009 §2.2: 200 whether or not the token was known. */
  @PostMapping(value = REVOKE, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<Void> revoke(@RequestParam Map<String, String> form) {
    server.revoke(form.get("token"));
    return ResponseEntity.ok().build();
  }

  @GetMapping(value = JWKS, produces = MediaType.APPLICATION_JSON_VALUE)
  Map<String, Object> jwks() {
    return Map.of("keys", List.of(server.publicKey()));
  }

  private Optional<Patient> patient(String id) {
    return fhir.all(Patient.class).stream()
        .filter(p -> p.getIdElement().getIdPart().equals(id))
        .findFirst();
  }

  /** Standalone launch: the user picks the patient (the demo's stand-in for a login). */
  private ResponseEntity<String> picker(Map<String, String> query) {
    Map<String, String> base = new LinkedHashMap<>(query);
    base.remove("demo_patient");
    String prefix =
        AUTHORIZE
            + "?"
            + base.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    StringBuilder list = new StringBuilder();
    for (Patient p : fhir.all(Patient.class)) {
      String id = p.getIdElement().getIdPart();
      String name = p.hasName() ? p.getNameFirstRep().getNameAsSingleString() : id;
      list.append("<li><a href=\"")
          .append(HtmlUtils.htmlEscape(prefix + "&demo_patient=" + encode(id)))
          .append("\">")
          .append(HtmlUtils.htmlEscape(name))
          .append("</a></li>");
    }
    return html(
        HttpStatus.OK,
        "Choose a patient",
        "<p>The Nocturne questionnaire asks to open a patient's record.</p><ul class=\"patients\">"
            + list
            + "</ul>");
  }

  private static ResponseEntity<String> page(HttpStatus status, String title, String text) {
    return html(status, title, "<p>" + HtmlUtils.htmlEscape(text) + "</p>");
  }

  private static ResponseEntity<String> html(HttpStatus status, String title, String body) {
    String t = HtmlUtils.htmlEscape(title);
    return ResponseEntity.status(status)
        .contentType(MediaType.parseMediaType("text/html;charset=UTF-8"))
        .cacheControl(CacheControl.noStore())
        .body(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>"
                + t
                + " · Demo EHR</title></head><body><main><h1>"
                + t
                + "</h1>"
                + body
                + "</main></body></html>");
  }

  private static ResponseEntity<String> redirect(
      String redirectUri, String state, String error, String description) {
    return found(
        redirectUri
            + "?error="
            + encode(error)
            + "&error_description="
            + encode(description)
            + (state == null ? "" : "&state=" + encode(state)));
  }

  private static ResponseEntity<String> found(String location) {
    return ResponseEntity.status(HttpStatus.FOUND)
        .header(HttpHeaders.LOCATION, location)
        .cacheControl(CacheControl.noStore())
        .build();
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
