package org.nocturne.demo;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The demo's own URLs on the port it serves: the FHIR base ({@code iss}, {@code aud}) and the
 * questionnaire app's registered redirect URIs, under both loopback names a browser may use.
 */
final class DemoOrigins {
  private static final List<String> HOSTS = List.of("localhost", "127.0.0.1");

  private DemoOrigins() {}

  static Set<String> fhirBases(HttpServletRequest request) {
    return under(request, DemoFhirServer.PATH);
  }

  static Set<String> redirectUris(HttpServletRequest request) {
    return under(request, "/app/");
  }

  /** The base the request itself came in on, e.g. {@code http://localhost:8080/demo/fhir}. */
  static String fhirBase(HttpServletRequest request) {
    String host = request.getHeader("Host");
    return request.getScheme()
        + "://"
        + (host == null ? "127.0.0.1:" + request.getLocalPort() : host)
        + DemoFhirServer.PATH;
  }

  static String origin(HttpServletRequest request) {
    String base = fhirBase(request);
    return base.substring(0, base.length() - DemoFhirServer.PATH.length());
  }

  private static Set<String> under(HttpServletRequest request, String path) {
    Set<String> urls = new LinkedHashSet<>();
    for (String host : HOSTS) {
      urls.add(request.getScheme() + "://" + host + ":" + request.getLocalPort() + path);
    }
    return urls;
  }
}
