package org.nocturne.demo;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /demo/fhir/.well-known/smart-configuration} (SMART App Launch 2.x §Discovery). It lives
 * below the FHIR base, where HAPI's servlet answers everything else, hence a filter.
 */
final class SmartConfigurationFilter extends OncePerRequestFilter {
  static final String PATH = DemoFhirServer.PATH + "/.well-known/smart-configuration";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!PATH.equals(request.getRequestURI()) || !"GET".equals(request.getMethod())) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(200);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.setHeader("Cache-Control", "no-cache");
    response.getOutputStream().write(JSON.writeValueAsBytes(document(DemoOrigins.origin(request))));
  }

  static Map<String, Object> document(String origin) {
    Map<String, Object> smart = new LinkedHashMap<>();
    smart.put("issuer", origin + DemoFhirServer.PATH);
    smart.put("jwks_uri", origin + DemoAuthController.JWKS);
    smart.put("authorization_endpoint", origin + DemoAuthController.AUTHORIZE);
    smart.put("token_endpoint", origin + DemoAuthController.TOKEN);
    smart.put("revocation_endpoint", origin + DemoAuthController.REVOKE);
    smart.put("token_endpoint_auth_methods_supported", List.of("none"));
    smart.put("grant_types_supported", List.of("authorization_code"));
    smart.put("response_types_supported", List.of("code"));
    smart.put(
        "scopes_supported",
        List.of(
            "openid",
            "fhirUser",
            "launch",
            "launch/patient",
            "patient/*.rs",
            "patient/Patient.rs",
            "patient/Condition.rs",
            "patient/Observation.rs",
            "patient/MedicationRequest.rs",
            "patient/QuestionnaireResponse.cru"));
    smart.put("code_challenge_methods_supported", List.of("S256"));
    smart.put(
        "capabilities",
        List.of(
            "launch-ehr",
            "launch-standalone",
            "client-public",
            "context-ehr-patient",
            "context-standalone-patient",
            "permission-v2",
            "permission-patient",
            "sso-openid-connect"));
    return smart;
  }
}
