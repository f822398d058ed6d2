/**
 * From HAPI FHIR R4 resources to {@link org.nocturne.clinical.facts.PatientFacts}: parsing the
 * prefetched JSON and mapping each resource faithfully, with the provenance of every fact.
 */
package org.nocturne.fhir;
