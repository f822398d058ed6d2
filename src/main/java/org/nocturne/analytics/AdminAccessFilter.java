package org.nocturne.analytics;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards {@code /admin/*}: a bearer token equal to {@code nocturne.admin.token} (compared in
 * constant time), 403 when no token is configured, open only where {@code nocturne.admin.open} is
 * set (the local profile).
 */
final class AdminAccessFilter extends OncePerRequestFilter {
  private final AdminProperties properties;

  AdminAccessFilter(AdminProperties properties) {
    this.properties = properties;
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
    String header = request.getHeader("Authorization");
    if (header == null
        || !header.regionMatches(true, 0, "Bearer ", 0, 7)
        || !MessageDigest.isEqual(
            header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
            properties.token().getBytes(StandardCharsets.UTF_8))) {
      response.setHeader("WWW-Authenticate", "Bearer");
      refuse(response, 401, "admin token required");
      return;
    }
    chain.doFilter(request, response);
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
