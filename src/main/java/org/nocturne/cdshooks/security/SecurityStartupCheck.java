package org.nocturne.cdshooks.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The one place that refuses a start, naming every problem at once ({@link
 * MissingSettingsFailureAnalyzer} prints them without a stack trace):
 *
 * <ul>
 *   <li>settings without which no EHR can be answered: JWTs required but no issuer trusted, or no
 *       {@code public-base-url} outside {@code local};
 *   <li>unauthenticated modes reachable from the network: the {@code local} profile, the demo
 *       ({@code nocturne.demo.enabled}) or open admin endpoints ({@code nocturne.admin.open}) on an
 *       address other than loopback, or the demo or open admin outside {@code local};
 *   <li>{@code jwt-required=false} outside {@code local} without the explicit trusted-network mode
 *       ({@code nocturne.security.trusted-networks});
 *   <li>an admin token anyone can guess: under {@value #MIN_ADMIN_TOKEN} characters, or one of the
 *       examples published in this repository;
 *   <li>an H2 database that listens on the network ({@code AUTO_SERVER}, {@code tcp:}).
 * </ul>
 *
 * Each was a warning in the log before; one setting turned the service into an open one. Settings
 * of other packages (demo, admin) are read from the environment, by name, so that the SDK depends
 * on none of them.
 */
@Component
class SecurityStartupCheck implements InitializingBean {
  static final int MIN_ADMIN_TOKEN = 32;

  /**
   * Admin tokens published as examples (deploy/, docs/, README, past and present): refused whatever
   * their length. KnownExampleTokensTest keeps this list complete.
   */
  static final Set<String> EXAMPLE_TOKENS =
      Set.of("change-me", "change-me-too", "dev-only-example-admin-token-not-for-production");

  private static final Logger log = LoggerFactory.getLogger(SecurityStartupCheck.class);
  private final SecurityProperties properties;
  private final Environment environment;

  SecurityStartupCheck(SecurityProperties properties, Environment environment) {
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterPropertiesSet() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new MissingSettings(problems);
    }
    String address = environment.getProperty("server.address", "all interfaces");
    if (properties.jwtRequired()) {
      log.info("JWT verification is on; {} trusted issuer(s)", properties.trustedIssuers().size());
    } else {
      log.warn(
          "JWT verification is OFF (nocturne.security.jwt-required=false{}); listening on {}",
          local() ? ", local profile" : ", trusted networks " + trustedNetworks(),
          address);
    }
  }

  /** Every reason not to start, each with what to do. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    boolean local = local();
    if (properties.jwtRequired() && properties.trustedIssuers().isEmpty()) {
      problems.add(
          "nocturne.security.jwt-required is true but no issuer is trusted: set "
              + "nocturne.security.trusted-issuers[0].issuer and nocturne.security.trusted-issuers[0].jwks-uri "
              + "(docs/security.md)");
    }
    if (properties.publicBaseUrl() == null && (properties.jwtRequired() || !local)) {
      problems.add(
          "nocturne.security.public-base-url is not set: set it to the URL the EHR calls, "
              + "e.g. https://nocturne.hospital.example (JWT aud and card links are built from it)");
    }
    String address = environment.getProperty("server.address");
    boolean loopback = loopback(address);
    String where = address == null || address.isBlank() ? "all interfaces" : address;
    boolean demo = flag("nocturne.demo.enabled");
    boolean adminOpen = flag("nocturne.admin.open");
    if (local && !loopback) {
      problems.add(
          "the local profile (no JWT, demo data) listens on "
              + where
              + ": set server.address=127.0.0.1, or run without the local profile");
    }
    if (demo && !local) {
      problems.add(
          "nocturne.demo.enabled=true outside the local profile: the demo's FHIR server and"
              + " authorization server are for workstation trials only; remove the setting");
    } else if (demo && !loopback) {
      problems.add(
          "nocturne.demo.enabled=true on " + where + ": the demo answers on loopback only");
    }
    if (adminOpen && !local) {
      problems.add(
          "nocturne.admin.open=true outside the local profile: set nocturne.admin.token instead");
    } else if (adminOpen && !loopback) {
      problems.add(
          "nocturne.admin.open=true on "
              + where
              + ": open admin endpoints answer on loopback only");
    }
    if (!properties.jwtRequired() && !local && trustedNetworks().isEmpty()) {
      problems.add(
          "nocturne.security.jwt-required=false outside the local profile: every network client"
              + " would be served without a token; keep JWTs required, or name the networks that"
              + " may call without one in nocturne.security.trusted-networks (CIDRs)");
    }
    String database = environment.getProperty("spring.datasource.url", "");
    String lower = database.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")
        && (lower.contains("auto_server=true") || lower.startsWith("jdbc:h2:tcp:"))) {
      problems.add(
          "spring.datasource.url opens an H2 network server (AUTO_SERVER or tcp:): anyone who"
              + " reaches it runs SQL and Java inside the service; use the embedded file or"
              + " in-memory database");
    }
    String token = environment.getProperty("nocturne.admin.token");
    if (token != null && !token.isBlank()) {
      if (EXAMPLE_TOKENS.contains(token.trim().toLowerCase(Locale.ROOT))) {
        problems.add(
            "nocturne.admin.token is an example published with Nocturne CDS: generate one, e.g."
                + " openssl rand -base64 32");
      } else if (token.trim().length() < MIN_ADMIN_TOKEN) {
        problems.add(
            "nocturne.admin.token has fewer than "
                + MIN_ADMIN_TOKEN
                + " characters: generate one, e.g. openssl rand -base64 32");
      }
    }
    return problems;
  }

  private boolean local() {
    return environment.matchesProfiles("local");
  }

  private boolean flag(String name) {
    return Boolean.parseBoolean(environment.getProperty(name, "false").trim());
  }

  private List<String> trustedNetworks() {
    return properties.trustedNetworks().stream()
        .filter(network -> network != null && !network.isBlank())
        .toList();
  }

  /** Whether an address is loopback only; unset (all interfaces) and wildcards are not. */
  static boolean loopback(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    String host = address.trim();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    try {
      InetAddress[] all = InetAddress.getAllByName(host);
      for (InetAddress one : all) {
        if (!one.isLoopbackAddress()) {
          return false;
        }
      }
      return all.length > 0;
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
