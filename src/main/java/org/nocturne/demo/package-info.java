/**
 * The demo EHR ({@code local} profile only, {@code nocturne.demo.enabled}): synthetic patients in
 * an in-process FHIR server at {@code /demo/fhir}, and a chart at {@code /demo} that calls the CDS
 * services over HTTP exactly as an EHR does. Nothing depends on this package, and it depends on no
 * other package of the service: it is a client, not a part.
 *
 * <p>It also plays the EHR's SMART App Launch 2.x authorization server for the questionnaire app
 * ({@link org.nocturne.demo.DemoAuthorizationServer}): a small one, with Nimbus (already a
 * dependency) for the id_token, rather than Spring Authorization Server. That one would bring
 * Spring Security's filter chains over the whole application, in every profile, around the CDS
 * services' own JWT filter and its tests, only to stand in for what a real EHR provides itself.
 * This one is confined to this package and to {@code local}, and its rules are tested: PKCE S256
 * required, single-use codes bound to an exact redirect URI, expiring and revocable tokens, and a
 * FHIR server that opens only the token's patient within its scopes.
 */
package org.nocturne.demo;
