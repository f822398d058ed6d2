/**
 * The demo EHR ({@code local} profile only, {@code nocturne.demo.enabled}): synthetic patients in
 * an in-process FHIR server at {@code /demo/fhir}, and a chart at {@code /demo} that calls the CDS
 * services over HTTP exactly as an EHR does. Nothing depends on this package, and it depends on no
 * other package of the service: it is a client, not a part.
 */
package org.nocturne.demo;
