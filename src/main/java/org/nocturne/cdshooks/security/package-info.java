/**
 * Who may call the CDS Hooks endpoints: the EHR's JWT checked against its trusted issuer's JWKS
 * (keys cached, {@code jku} allowlisted, {@code jti} claimed once), CORS for browser EHRs, the
 * loopback guard of {@code local} mode, and the public base URL that {@code aud} must name.
 *
 * <p>Part of the SDK: no leg-pain knowledge here (ADR 0001).
 */
package org.nocturne.cdshooks.security;
