package org.nocturne.cdshooks.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Browser security headers on every response, so on every HTML page (the app, the demo chart, the
 * about and education pages, the demo's sign-in page) whoever renders it: scripts from this origin
 * only (no inline script, no eval), no plugins, no foreign {@code <base>} or form targets, framed
 * by this origin only; no MIME sniffing; no referrer (a SMART redirect carries a code in its URL).
 * Styles may be inline (the questionnaire's form components inject theirs); the app talks to the
 * EHR's FHIR and authorization servers, wherever they are.
 */
final class SecurityHeadersFilter extends OncePerRequestFilter {
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self' data:; connect-src 'self' https: http:;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Referrer-Policy", "no-referrer");
    chain.doFilter(request, response);
  }
}
