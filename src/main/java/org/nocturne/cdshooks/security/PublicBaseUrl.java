package org.nocturne.cdshooks.security;

import java.util.function.Supplier;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;

/**
 * The URL at which EHRs reach this service, for card links: {@code
 * nocturne.security.public-base-url} when set (required outside the {@code local} profile, see
 * {@link SecurityStartupCheck}), otherwise {@code http://localhost:<port>} with the port the server
 * actually bound, so {@code --server.port=9090} or a random port still gives working links.
 */
public final class PublicBaseUrl
    implements Supplier<String>, ApplicationListener<WebServerInitializedEvent> {
  private final String configured;
  private volatile int port;

  PublicBaseUrl(String configured, int configuredPort) {
    this.configured = configured;
    this.port = configuredPort;
  }

  @Override
  public String get() {
    return configured != null ? configured : "http://localhost:" + port;
  }

  /** The main server only: the management server (its own port) has a namespace. */
  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }
}
