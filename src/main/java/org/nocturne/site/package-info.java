/**
 * Public pages about the service: what it does and when it speaks ({@code /about}), patient
 * education, the FHIR artifacts. No patient data, nothing from a call; the texts come from the
 * knowledge file and the configured windows, so the pages say what the service does.
 */
package org.nocturne.site;
