/**
 * The three CDS services of the contract, each a short pipeline: FHIR data to facts, facts to an
 * assessment, the assessment to cards. Orchestration only; no protocol and no clinical logic.
 */
package org.nocturne.service;
