package org.nocturne.clinical;

/**
 * The order-safety findings of the contract, with their codes in CodeSystem {@code order-safety}.
 */
public enum SafetyConcern {
  QUININE_FOR_LEG_CRAMPS("quinine-for-leg-cramps"),
  COMPRESSION_WITH_LOW_ABI("compression-with-low-abi"),
  COMPRESSION_CONTRAINDICATION("compression-contraindication"),
  DOPAMINE_AGONIST_FOR_RLS("dopamine-agonist-for-rls"),
  DRUG_MAY_CAUSE_CRAMPS("drug-may-cause-cramps"),
  DRUG_MAY_WORSEN_RLS("drug-may-worsen-rls");

  private final String code;

  SafetyConcern(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
