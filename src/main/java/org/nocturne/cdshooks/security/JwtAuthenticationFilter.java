package org.nocturne.cdshooks.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.nocturne.cdshooks.Caller;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.OperationOutcome;
import org.nocturne.cdshooks.StateUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates every CDS Hooks call, discovery included, before it reaches a controller; CORS
 * preflights pass untouched (browsers send them without credentials). Sets the {@link Caller} the
 * prefetch fallback may fetch for. A refusal is a bare 401: why stays in our log.
 */
final class JwtAuthenticationFilter extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(JwtAuthenticationFilter.class);

  private final boolean required;
  private final JwtVerifier verifier;
  private final String publicBaseUrl;
  private final List<String> localFhirServers;

  private final TrustedNetworks trustedNetworks;

  JwtAuthenticationFilter(
      boolean required, JwtVerifier verifier, String publicBaseUrl, List<String> localFhirServers) {
    this(required, verifier, publicBaseUrl, localFhirServers, new TrustedNetworks(List.of()));
  }

  JwtAuthenticationFilter(
      boolean required,
      JwtVerifier verifier,
      String publicBaseUrl,
      List<String> localFhirServers,
      TrustedNetworks trustedNetworks) {
    this.required = required;
    this.verifier = verifier;
    this.publicBaseUrl = publicBaseUrl;
    this.localFhirServers = localFhirServers;
    this.trustedNetworks = trustedNetworks;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return CorsUtils.isPreFlightRequest(request);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    String audience = publicBaseUrl + request.getRequestURI();
    if (!required && trustedNetworks.isEmpty()) {
      // tokens are not read here, except the warm-up's own
      Caller caller =
          header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
              ? verifier
                  .rehearsalCaller(header.substring(7).trim(), audience)
                  .orElse(Caller.unverified(localFhirServers))
              : Caller.unverified(localFhirServers);
      request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
      chain.doFilter(request, response);
      return;
    }
    if (header == null) {
      // a client that cannot sign (Bahmni), from a network configured as trusted: a token, when
      // one is sent, is still verified
      var network = trustedNetworks.find(request.getRemoteAddr());
      if (network.isPresent()) {
        request.setAttribute(Caller.REQUEST_ATTRIBUTE, Caller.network(network.get()));
        chain.doFilter(request, response);
        return;
      }
    }
    try {
      if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
        throw new Unauthorized("no bearer token");
      }
      Caller caller = verifier.verify(header.substring(7).trim(), audience);
      request.setAttribute(Caller.REQUEST_ATTRIBUTE, caller);
    } catch (StateUnavailable e) {
      // fail closed: without the replay guard no token passes (docs/state.md)
      log.warn("replay guard unavailable: {}", e.getMessage());
      response.setStatus(503);
      response.setHeader("Retry-After", String.valueOf(StateUnavailable.RETRY_AFTER_SECONDS));
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              CdsJson.mapper()
                  .writeValueAsBytes(OperationOutcome.error("transient", e.getMessage())));
      return;
    } catch (Unauthorized e) {
      // everything an integrator needs to fix a 401, never the token; each value quoted and
      // escaped, so a header cannot forge a log line
      log.info(
          "rejected a call to {}: {}; expected aud={}, received iss={} aud={} kid={}",
          LogSafe.quote(request.getRequestURI()),
          e.getMessage(),
          LogSafe.quote(audience),
          LogSafe.quote(e.claimed().issuer()),
          LogSafe.quote(e.claimed().audience()),
          LogSafe.quote(e.claimed().kid()));
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer");
      // the body is not read: close rather than swallow what a slow client still sends
      response.setHeader("Connection", "close");
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              CdsJson.mapper()
                  .writeValueAsBytes(OperationOutcome.error("login", "authentication required")));
      return;
    }
    chain.doFilter(request, response);
  }
}
