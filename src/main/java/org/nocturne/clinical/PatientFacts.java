package org.nocturne.clinical;

import java.util.List;

/**
 * What the cause model knows about a patient, typed, each fact with its provenance.
 *
 * @param ageYears age at the evaluation instant, or {@code null} when the birth date is unknown
 * @param sex administrative sex
 * @param unavailableData record sections that could not be read (for example {@code observations}),
 *     so the assessment can say what it did not see
 */
public record PatientFacts(Integer ageYears, Sex sex, List<String> unavailableData) {
  public PatientFacts {
    sex = sex == null ? Sex.UNKNOWN : sex;
    unavailableData = List.copyOf(unavailableData);
  }
}
