package org.nocturne.clinical.conclusions;

/**
 * The order-safety findings of the contract, with their codes in CodeSystem {@code order-safety}.
 */
public enum SafetyConcern {
  QUININE_FOR_LEG_CRAMPS("quinine-for-leg-cramps", "quinineForLegCramps"),
  COMPRESSION_WITH_LOW_ABI("compression-with-low-abi", "compressionWithLowAbi"),
  COMPRESSION_CONTRAINDICATION("compression-contraindication", "compressionContraindication"),
  DOPAMINE_AGONIST_FOR_RLS("dopamine-agonist-for-rls", "dopamineAgonistForRls"),
  DRUG_MAY_CAUSE_CRAMPS("drug-may-cause-cramps", "drugMayCauseCramps"),
  DRUG_MAY_WORSEN_RLS("drug-may-worsen-rls", "drugMayWorsenRls");

  private final String code;
  private final String topicCode;

  SafetyConcern(String code, String topicCode) {
    this.code = code;
    this.topicCode = topicCode;
  }

  /** The release-1 code: the key of its texts in the knowledge files and of its page paths. */
  public String code() {
    return code;
  }

  /**
   * The code as cards send it (CodeSystem version 2): letters and digits only, because Epic accepts
   * no other topic code and ties a user's override to it, so it never changes once released.
   */
  public String topicCode() {
    return topicCode;
  }
}
