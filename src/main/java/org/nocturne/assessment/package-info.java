/**
 * The one pipeline from a patient's record to an assessment (FHIR → facts → cause model), shared by
 * the CDS services and the questionnaire app. No Spring, no HTTP: callers fetch and present.
 */
package org.nocturne.assessment;
