package org.nocturne.cdshooks.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.nocturne.cdshooks.CdsJson;
import org.nocturne.cdshooks.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Local mode only (no JWT): answers only requests addressed to a loopback name. A web page can make
 * a browser resolve its own host name to 127.0.0.1 (DNS rebinding) and call the unauthenticated
 * service; such requests still carry the page's host name in {@code Host}, and are refused.
 */
final class LoopbackHostFilter extends OncePerRequestFilter {
  private final Set<String> hosts;

  /**
   * @param ownHost the host of the public base URL, allowed besides the loopback names
   */
  LoopbackHostFilter(String ownHost) {
    Set<String> names = new HashSet<>(Set.of("localhost", "127.0.0.1", "[::1]"));
    if (ownHost != null) {
      names.add(ownHost.toLowerCase(Locale.ROOT));
    }
    this.hosts = Set.copyOf(names);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (hosts.contains(hostName(request.getHeader("Host")))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(403);
    response.setHeader("Connection", "close");
    response.setContentType("application/json");
    response
        .getOutputStream()
        .write(
            CdsJson.mapper()
                .writeValueAsBytes(
                    OperationOutcome.error(
                        "forbidden", "in local mode only loopback host names are answered")));
  }

  /** The name of a Host header without its port; {@code [::1]:8080} keeps its brackets. */
  static String hostName(String header) {
    if (header == null) {
      return "";
    }
    String host = header.trim().toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      int end = host.indexOf(']');
      return end < 0 ? host : host.substring(0, end + 1);
    }
    int colon = host.indexOf(':');
    return colon < 0 ? host : host.substring(0, colon);
  }
}
