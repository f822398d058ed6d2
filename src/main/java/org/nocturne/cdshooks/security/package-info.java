/**
 * Who may call the CDS Hooks endpoints: the EHR's JWT checked against its trusted issuer's JWKS
 * (keys cached, {@code jku} allowlisted, {@code jti} claimed once), CORS for browser EHRs, the
 * loopback guard of {@code local} mode, and the public base URL that {@code aud} must name. What it
 * proves is a {@code Caller} of the wire kernel, {@code org.nocturne.cdshooks}, which this package
 * builds on; it reads {@code prefetch}'s allowlist for unverified {@code local} callers (ADR 0003).
 *
 * <p>Part of the SDK: no leg-pain knowledge here (ADR 0001).
 */
package org.nocturne.cdshooks.security;
