package org.nocturne.cdshooks.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.nocturne.cdshooks.Require;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code nocturne.security.*}.
 *
 * @param jwtRequired whether every call must carry a valid JWT from a trusted issuer (2.0 §Trusting
 *     CDS Clients); {@code true} unless the {@code local} profile turns it off
 * @param publicBaseUrl the absolute URL at which EHRs reach this service: a JWT's {@code aud} must
 *     equal this plus the path called, and card links point here. No default: outside the {@code
 *     local} profile the service refuses to start without it ({@link SecurityStartupCheck}); in
 *     {@code local} it is {@code http://localhost:<the port actually bound>} ({@link
 *     PublicBaseUrl})
 * @param trustedIssuers the EHRs whose JWTs are accepted
 * @param allowedOrigins browser origins allowed by CORS (none by default; any in {@code local})
 * @param clockSkew tolerance on {@code exp}, {@code iat} and {@code nbf} (default 60 s)
 * @param maxTokenLifetime the longest {@code exp - iat} accepted (default 1 h)
 * @param maxTokenAge the oldest {@code iat} accepted (default 1 h)
 * @param trustedNetworks source networks (CIDRs) whose calls without a JWT are accepted, for
 *     clients that cannot sign one (Bahmni); empty by default, never with the {@code local}
 *     profile, and announced loudly at start-up. A call from elsewhere still needs a JWT.
 */
@Validated
@ConfigurationProperties("nocturne.security")
public record SecurityProperties(
    @DefaultValue("true") boolean jwtRequired,
    String publicBaseUrl,
    @DefaultValue @Valid List<TrustedIssuer> trustedIssuers,
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue("60s") @NotNull Duration clockSkew,
    @DefaultValue("1h") @NotNull Duration maxTokenLifetime,
    @DefaultValue("1h") @NotNull Duration maxTokenAge,
    @DefaultValue List<String> trustedNetworks) {

  /**
   * One trusted EHR.
   *
   * @param issuer the exact {@code iss} it signs with
   * @param jwksUri where its public keys are published
   * @param allowedJku {@code jku} header values it may use instead of {@code jwksUri}
   * @param fhirServers FHIR base URLs we may fetch from on its behalf (the SSRF allowlist)
   * @param tenants accepted {@code tenant} claims; empty accepts any
   * @param audiences the {@code aud} values this EHR sends, when it does not send the URL it calls
   *     (Epic's is typed by each health system, often the service's base URL); empty: the URL
   *     called, {@code public-base-url} plus the path
   */
  public record TrustedIssuer(
      String issuer,
      String jwksUri,
      @DefaultValue List<String> allowedJku,
      @DefaultValue List<String> fhirServers,
      @DefaultValue List<String> tenants,
      @DefaultValue List<String> audiences) {
    public TrustedIssuer {
      Require.text(issuer, "nocturne.security.trusted-issuers[].issuer");
      Require.absoluteUrl(jwksUri, "nocturne.security.trusted-issuers[].jwks-uri");
      allowedJku = allowedJku == null ? List.of() : List.copyOf(allowedJku);
      fhirServers = fhirServers == null ? List.of() : List.copyOf(fhirServers);
      tenants = tenants == null ? List.of() : List.copyOf(tenants);
      audiences = audiences == null ? List.of() : List.copyOf(audiences);
      audiences.forEach(
          aud -> Require.text(aud, "nocturne.security.trusted-issuers[].audiences[]"));
    }
  }

  public SecurityProperties {
    if (publicBaseUrl != null && publicBaseUrl.isBlank()) {
      publicBaseUrl = null;
    }
    if (publicBaseUrl != null) {
      Require.absoluteUrl(publicBaseUrl, "nocturne.security.public-base-url");
      publicBaseUrl =
          publicBaseUrl.endsWith("/")
              ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
              : publicBaseUrl;
    }
    trustedIssuers = trustedIssuers == null ? List.of() : List.copyOf(trustedIssuers);
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    trustedNetworks = trustedNetworks == null ? List.of() : List.copyOf(trustedNetworks);
    new TrustedNetworks(trustedNetworks); // a malformed CIDR fails the start, naming it
  }
}
