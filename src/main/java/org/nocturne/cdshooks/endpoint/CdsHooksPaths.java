package org.nocturne.cdshooks.endpoint;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/** Which requests are CDS Hooks calls: discovery, a service, its feedback. */
final class CdsHooksPaths {
  static final String ROOT = "/cds-services";

  private CdsHooksPaths() {}

  static boolean isCdsHooks(HttpServletRequest request) {
    String path = path(request);
    return path.equals(ROOT) || path.startsWith(ROOT + "/");
  }

  /** The service id of {@code /cds-services/{id}} (a call, not discovery or feedback). */
  static Optional<String> serviceCalled(HttpServletRequest request) {
    String path = path(request);
    if (!path.startsWith(ROOT + "/")) {
      return Optional.empty();
    }
    String id = path.substring(ROOT.length() + 1);
    return id.isEmpty() || id.contains("/") ? Optional.empty() : Optional.of(id);
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
  }
}
