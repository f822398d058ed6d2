package org.nocturne.clinical.facts;

/** What a measurement measures, with the one unit the model reasons in (UCUM). */
public enum Measure {
  ANKLE_BRACHIAL_INDEX("1"),
  TOE_BRACHIAL_INDEX("1"),
  ANKLE_PRESSURE("mm[Hg]"),
  TOE_PRESSURE("mm[Hg]"),
  HBA1C("%"),
  FERRITIN("ng/mL"),
  TRANSFERRIN_SATURATION("%"),
  EGFR("mL/min/{1.73_m2}"),
  POTASSIUM("mmol/L"),
  MAGNESIUM("mg/dL"),
  CALCIUM("mg/dL"),
  VITAMIN_B12("pg/mL"),
  TSH("m[IU]/L"),
  BODY_TEMPERATURE("Cel"),
  C_REACTIVE_PROTEIN("mg/L"),
  CREATINE_KINASE("U/L"),
  MEAN_CORPUSCULAR_VOLUME("fL"),
  FOLATE("ng/mL");

  private final String unit;

  Measure(String unit) {
    this.unit = unit;
  }

  /** The canonical unit; the FHIR mapper converts into it before a value reaches the model. */
  public String unit() {
    return unit;
  }
}
