package org.nocturne.analytics;

import com.github.benmanes.caffeine.cache.Ticker;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/*}: a bearer token equal to {@code nocturne.admin.token} (compared in
 * constant time), 403 when no token is configured, open only where {@code nocturne.admin.open} is
 * set (the local profile).
 */
final class AdminAccessFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(AdminAccessFilter.class);

  private final AdminProperties properties;
  private final RefusedAdminAttempts refusals;

  AdminAccessFilter(AdminProperties properties) {
    this(properties, new RefusedAdminAttempts(10, Duration.ofMinutes(1), Ticker.systemTicker()));
  }

  AdminAccessFilter(AdminProperties properties, RefusedAdminAttempts refusals) {
    this.properties = properties;
    this.refusals = refusals;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (properties.open()) {
      chain.doFilter(request, response);
      return;
    }
    if (properties.token() == null) {
      refuse(response, 403, "admin endpoints are off: set nocturne.admin.token");
      return;
    }
    String client = request.getRemoteAddr();
    if (refusals.exhausted(client)) {
      response.setHeader("Retry-After", String.valueOf(refusals.retryAfterSeconds()));
      refuse(response, 429, "too many refused admin requests: try again later");
      return;
    }
    String header = request.getHeader("Authorization");
    if (header == null
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || !MessageDigest.isEqual(
            header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
            properties.token().getBytes(StandardCharsets.UTF_8))) {
      refusals.refused(client);
      // never the token: only who, where, and whether one was sent
      log.warn(
          "refused an admin request from {} to {}: {}",
          client,
          printable(request.getRequestURI()),
          header == null ? "no token" : "wrong token");
      response.setHeader("WWW-Authenticate", "Bearer");
      refuse(response, 401, "admin token required");
      return;
    }
    chain.doFilter(request, response);
  }

  /** A path as a log line may show it: no line breaks or control characters, 200 at most. */
  private static String printable(String path) {
    String clean = path == null ? "" : path.replaceAll("[^A-Za-z0-9/._~%-]", "?");
    return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
  }

  private static void refuse(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(("{\"error\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
  }
}
