/**
 * What the record and the questionnaire say about one patient, as typed facts with their provenance
 * ({@code PatientFacts} and its parts), whether they speak of a current complaint, the orders being
 * drafted, and how a finding writes numbers and dates. The bottom room: {@code java.*} only.
 */
package org.nocturne.clinical.facts;
