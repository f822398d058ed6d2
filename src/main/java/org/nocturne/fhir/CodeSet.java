package org.nocturne.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One ValueSet from {@code fhir-profiles/}, ready to match codings: exact codes per system, and for
 * ICD-10 the code families of its {@code is-a} filters (a prefix) and {@code regex} filters.
 */
record CodeSet(
    String id,
    Map<String, Set<String>> exact,
    List<String> icdPrefixes,
    List<Pattern> icdPatterns,
    List<String> names) {
  static final String ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm";

  /** OIDs and near-spellings EHRs send for the standard systems, mapped to the canonical URI. */
  private static final Map<String, String> SYSTEM_ALIASES =
      Map.of(
          "urn:oid:2.16.840.1.113883.6.96", "http://snomed.info/sct",
          "http://snomed.info/sct/", "http://snomed.info/sct",
          "urn:oid:2.16.840.1.113883.6.90", ICD10CM,
          "http://hl7.org/fhir/sid/icd-10", ICD10CM,
          "urn:oid:2.16.840.1.113883.6.1", "http://loinc.org",
          "urn:oid:2.16.840.1.113883.6.88", "http://www.nlm.nih.gov/research/umls/rxnorm");

  CodeSet {
    exact = Map.copyOf(exact);
    icdPrefixes = List.copyOf(icdPrefixes);
    icdPatterns = List.copyOf(icdPatterns);
    names = List.copyOf(names);
  }

  static String canonicalSystem(String system) {
    if (system == null) {
      return "";
    }
    String trimmed = system.trim();
    return SYSTEM_ALIASES.getOrDefault(trimmed, trimmed);
  }

  /** ICD-10 codes compare without dots, in upper case ("e11.42" and "E1142" are one code). */
  static String normalizeIcd(String code) {
    return code.trim().toUpperCase(Locale.ROOT).replace(".", "");
  }

  boolean matches(String system, String code) {
    Code prepared = Code.of(system, code);
    return prepared != null && matches(prepared);
  }

  /**
   * One coding made ready once for every set it is checked against (a concept is checked against
   * each disorder's, measure's or drug class's set).
   */
  record Code(String system, String trimmed, String icd, String dotted) {
    /** {@code null} for a blank code, which no set holds. */
    static Code of(String system, String code) {
      if (code == null || code.isBlank()) {
        return null;
      }
      String canonical = canonicalSystem(system);
      boolean icd10 = canonical.equals(ICD10CM);
      return new Code(
          canonical,
          code.trim(),
          icd10 ? normalizeIcd(code) : null,
          icd10 ? code.trim().toUpperCase(Locale.ROOT) : null);
    }
  }

  boolean matches(Code code) {
    if (code.icd() != null) {
      if (exact.getOrDefault(ICD10CM, Set.of()).contains(code.icd())) {
        return true;
      }
      for (String prefix : icdPrefixes) {
        if (code.icd().startsWith(prefix)) {
          return true;
        }
      }
      for (Pattern pattern : icdPatterns) {
        if (pattern.matcher(code.dotted()).matches()) {
          return true;
        }
      }
      return false;
    }
    return exact.getOrDefault(code.system(), Set.of()).contains(code.trimmed());
  }
}
