package org.nocturne.bench;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The realistic record of the performance comparison (issue 13): an older patient's full prefetch
 * as an EHR export shapes it (US Core profiles, identifiers, encounters, RxNorm and SNOMED codings
 * with displays, dosage instructions), 25 conditions (some resolved), the 10 observations the
 * template's code filter lets through, 13 active medication orders and no questionnaire response
 * (an empty searchset): about 54 KB. Deterministic, so every run sends the same bytes.
 */
public final class RealisticRecord {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PATIENT = "pat-rest-pain";
  private static final String BASE = "https://ehr.example.org/fhir/";
  private static final String SCT = "http://snomed.info/sct";
  private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10-cm";
  private static final String LOINC = "http://loinc.org";
  private static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

  /** SNOMED CT code, display, ICD-10-CM code, onset, resolved. */
  private static final String[][] CONDITIONS = {
    {"44054006", "Diabetes mellitus type 2", "E11.9", "2009-03-14", ""},
    {"38341003", "Hypertensive disorder", "I10", "2006-07-02", ""},
    {"55822004", "Hyperlipidemia", "E78.5", "2008-11-20", ""},
    {"433144002", "Chronic kidney disease stage 3", "N18.30", "2019-05-09", ""},
    {"49436004", "Atrial fibrillation", "I48.91", "2021-01-18", ""},
    {"414545008", "Ischemic heart disease", "I25.9", "2017-09-03", ""},
    {"239873007", "Osteoarthritis of knee", "M17.9", "2015-04-22", ""},
    {"162864005", "Body mass index 30+ - obesity", "E66.9", "2010-06-30", ""},
    {"271737000", "Anemia", "D64.9", "2022-02-11", ""},
    {"40930008", "Hypothyroidism", "E03.9", "2012-08-15", ""},
    {"235595009", "Gastroesophageal reflux disease", "K21.9", "2014-10-05", ""},
    {"35489007", "Depressive disorder", "F32.A", "2016-01-27", ""},
    {"13645005", "Chronic obstructive lung disease", "J44.9", "2018-12-12", ""},
    {"424237000", "Diabetic peripheral neuropathy", "E11.42", "2020-03-19", ""},
    {"90560007", "Gout", "M10.9", "2013-07-08", ""},
    {"266569009", "Benign prostatic hyperplasia", "N40.0", "2015-11-16", ""},
    {"78275009", "Obstructive sleep apnea syndrome", "G47.33", "2019-09-25", ""},
    {"68566005", "Urinary tract infectious disease", "N39.0", "2023-06-02", "2023-06-16"},
    {"444814009", "Viral sinusitis", "J01.90", "2024-01-09", "2024-01-23"},
    {"10509002", "Acute bronchitis", "J20.9", "2022-11-30", "2022-12-14"},
    {"65966004", "Fracture of forearm", "S52.90XA", "2011-02-03", "2011-04-28"},
    {"43878008", "Streptococcal sore throat", "J02.0", "2020-10-12", "2020-10-22"},
    {"283371005", "Laceration of forearm", "S51.819A", "2018-05-14", "2018-05-28"},
    {"70704007", "Sprain of wrist", "S63.509A", "2021-08-19", "2021-09-09"},
    {"195662009", "Acute viral pharyngitis", "J02.9", "2025-03-03", "2025-03-13"}
  };

  /** LOINC or SNOMED system, code, display, value, unit, UCUM code, date. */
  private static final String[][] OBSERVATIONS = {
    {SCT, "446841001", "Ankle brachial pressure index", "0.58", "{ratio}", "{ratio}", "2026-10-02"},
    {SCT, "446841001", "Ankle brachial pressure index", "0.86", "{ratio}", "{ratio}", "2026-10-02"},
    {LOINC, "4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "7.9", "%", "%", "2026-09-14"},
    {
      LOINC,
      "2276-4",
      "Ferritin [Mass/volume] in Serum or Plasma",
      "38",
      "ng/mL",
      "ng/mL",
      "2026-09-14"
    },
    {
      LOINC,
      "2823-3",
      "Potassium [Moles/volume] in Serum or Plasma",
      "4.1",
      "mmol/L",
      "mmol/L",
      "2026-09-14"
    },
    {
      LOINC,
      "19123-9",
      "Magnesium [Mass/volume] in Serum or Plasma",
      "2.0",
      "mg/dL",
      "mg/dL",
      "2026-09-14"
    },
    {
      LOINC,
      "17861-6",
      "Calcium [Mass/volume] in Serum or Plasma",
      "9.4",
      "mg/dL",
      "mg/dL",
      "2026-09-14"
    },
    {
      LOINC,
      "98979-8",
      "Glomerular filtration rate/1.73 sq M.predicted [Volume Rate/Area] in Serum, Plasma or Blood by Creatinine-based formula (CKD-EPI 2021)",
      "52",
      "mL/min/{1.73_m2}",
      "mL/min/{1.73_m2}",
      "2026-09-14"
    },
    {
      LOINC,
      "2132-9",
      "Cobalamin (Vitamin B12) [Mass/volume] in Serum or Plasma",
      "412",
      "pg/mL",
      "pg/mL",
      "2026-09-14"
    },
    {
      LOINC,
      "3016-3",
      "Thyrotropin [Units/volume] in Serum or Plasma",
      "2.3",
      "m[IU]/L",
      "m[IU]/L",
      "2026-09-14"
    }
  };

  /** RxNorm code, display, dose text, reason (a SNOMED code of a condition above). */
  private static final String[][] MEDICATIONS = {
    {
      "860975",
      "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet",
      "2 tablets once daily with the evening meal",
      "44054006"
    },
    {"314076", "lisinopril 10 MG Oral Tablet", "1 tablet once daily", "38341003"},
    {"259255", "atorvastatin 80 MG Oral Tablet", "1 tablet once daily at bedtime", "55822004"},
    {"197361", "amlodipine 5 MG Oral Tablet", "1 tablet once daily", "38341003"},
    {
      "855332",
      "warfarin sodium 5 MG Oral Tablet",
      "as directed by the anticoagulation clinic",
      "49436004"
    },
    {"866924", "metoprolol tartrate 25 MG Oral Tablet", "1 tablet twice daily", "49436004"},
    {
      "966222",
      "levothyroxine sodium 0.05 MG Oral Tablet",
      "1 tablet every morning before breakfast",
      "40930008"
    },
    {
      "198211",
      "omeprazole 20 MG Delayed Release Oral Capsule",
      "1 capsule once daily before breakfast",
      "235595009"
    },
    {"312938", "sertraline 50 MG Oral Tablet", "1 tablet once daily", "35489007"},
    {"310431", "gabapentin 100 MG Oral Capsule", "1 capsule three times daily", "424237000"},
    {"197319", "allopurinol 100 MG Oral Tablet", "1 tablet once daily", "90560007"},
    {
      "863671",
      "tamsulosin hydrochloride 0.4 MG Oral Capsule",
      "1 capsule once daily after the same meal",
      "266569009"
    },
    {
      "895994",
      "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler",
      "2 puffs twice daily",
      "13645005"
    }
  };

  private RealisticRecord() {}

  /** The whole call: the example's hook, context and a realistic prefetch. */
  public static String request() throws Exception {
    ObjectNode call =
        (ObjectNode)
            JSON.readTree(
                Files.readString(Path.of("hooks/nocturnal-leg-pain/full-prefetch.request.json")));
    call.set("prefetch", prefetch());
    return call.toString();
  }

  static ObjectNode prefetch() {
    ObjectNode prefetch = JSON.createObjectNode();
    prefetch.set("patient", patient());
    prefetch.set("conditions", conditions());
    prefetch.set("observations", observations());
    prefetch.set("medications", medications());
    prefetch.set("questionnaireResponse", bundle(JSON.createArrayNode()));
    return prefetch;
  }

  private static ObjectNode patient() {
    ObjectNode patient = resource("Patient", PATIENT, "us-core-patient");
    ArrayNode extensions = patient.putArray("extension");
    ObjectNode race = extensions.addObject();
    race.put("url", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-race");
    race.putArray("extension")
        .add(coding("ombCategory", "urn:oid:2.16.840.1.113883.6.238", "2106-3", "White"))
        .add(JSON.createObjectNode().put("url", "text").put("valueString", "White"));
    ObjectNode birthSex = extensions.addObject();
    birthSex.put("url", "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex");
    birthSex.put("valueCode", "M");
    patient
        .putArray("identifier")
        .add(
            JSON.createObjectNode()
                .put("system", "https://ehr.example.org/mrn")
                .put("value", "MRN-00422871"));
    patient
        .putArray("name")
        .addObject()
        .put("use", "official")
        .put("family", "Okafor")
        .putArray("given")
        .add("Samuel")
        .add("Adebayo");
    patient
        .putArray("telecom")
        .addObject()
        .put("system", "phone")
        .put("value", "555-0142")
        .put("use", "home");
    patient.put("gender", "male");
    patient.put("birthDate", "1954-06-11");
    ObjectNode address = patient.putArray("address").addObject();
    address.putArray("line").add("17 Orchard Lane");
    address.put("city", "Springfield").put("state", "MA").put("postalCode", "01103");
    address.put("country", "US");
    return patient;
  }

  private static ObjectNode conditions() {
    ArrayNode entries = JSON.createArrayNode();
    for (int i = 0; i < CONDITIONS.length; i++) {
      String[] c = CONDITIONS[i];
      boolean resolved = !c[4].isEmpty();
      ObjectNode condition = resource("Condition", "cond-" + (i + 1), "us-core-condition");
      condition.set(
          "clinicalStatus",
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-clinical",
              resolved ? "resolved" : "active",
              resolved ? "Resolved" : "Active"));
      condition.set(
          "verificationStatus",
          concept(
              "http://terminology.hl7.org/CodeSystem/condition-ver-status",
              "confirmed",
              "Confirmed"));
      condition
          .putArray("category")
          .add(
              concept(
                  "http://terminology.hl7.org/CodeSystem/condition-category",
                  resolved ? "encounter-diagnosis" : "problem-list-item",
                  resolved ? "Encounter Diagnosis" : "Problem List Item"));
      ObjectNode code = concept(SCT, c[0], c[1]);
      ((ArrayNode) code.get("coding"))
          .addObject()
          .put("system", ICD10)
          .put("code", c[2])
          .put("display", c[1]);
      condition.set("code", code);
      condition.set("subject", subject());
      condition.put("onsetDateTime", c[3] + "T09:30:00-05:00");
      if (resolved) {
        condition.put("abatementDateTime", c[4] + "T10:00:00-05:00");
      }
      condition.put("recordedDate", c[3] + "T09:45:00-05:00");
      entries.add(entry(condition));
    }
    return bundle(entries);
  }

  private static ObjectNode observations() {
    ArrayNode entries = JSON.createArrayNode();
    for (int i = 0; i < OBSERVATIONS.length; i++) {
      String[] o = OBSERVATIONS[i];
      boolean abi = o[1].equals("446841001");
      ObjectNode observation =
          resource("Observation", "obs-" + (i + 1), abi ? "" : "us-core-observation-lab");
      observation.put("status", "final");
      observation
          .putArray("category")
          .add(
              concept(
                  "http://terminology.hl7.org/CodeSystem/observation-category",
                  abi ? "exam" : "laboratory",
                  abi ? "Exam" : "Laboratory"));
      observation.set("code", concept(o[0], o[1], o[2]));
      observation.set("subject", subject());
      observation.set("encounter", reference("Encounter/enc-" + (200 + i)));
      observation.put("effectiveDateTime", o[6] + "T08:1" + i % 10 + ":00-05:00");
      observation.set(
          "valueQuantity",
          JSON.createObjectNode()
              .put("value", new BigDecimal(o[3]))
              .put("unit", o[4])
              .put("system", "http://unitsofmeasure.org")
              .put("code", o[5]));
      if (abi) {
        observation.set(
            "bodySite", concept(SCT, i == 0 ? "7771000" : "24028007", i == 0 ? "Left" : "Right"));
      } else {
        observation
            .putArray("referenceRange")
            .addObject()
            .put("text", "laboratory reference range");
      }
      entries.add(entry(observation));
    }
    return bundle(entries);
  }

  private static ObjectNode medications() {
    ArrayNode entries = JSON.createArrayNode();
    for (int i = 0; i < MEDICATIONS.length; i++) {
      String[] m = MEDICATIONS[i];
      ObjectNode order =
          resource("MedicationRequest", "medrx-" + (i + 1), "us-core-medicationrequest");
      order.put("status", "active");
      order.put("intent", "order");
      order
          .putArray("category")
          .add(
              concept(
                  "http://terminology.hl7.org/CodeSystem/medicationrequest-category",
                  "community",
                  "Community"));
      ObjectNode medication = concept(RXNORM, m[0], m[1]);
      medication.put("text", m[1]);
      order.set("medicationCodeableConcept", medication);
      order.set("subject", subject());
      order.set("encounter", reference("Encounter/enc-" + (300 + i)));
      order.put("authoredOn", "2026-0" + (1 + i % 9) + "-1" + i % 10 + "T11:00:00-05:00");
      order.set("requester", reference("Practitioner/dr-lee").put("display", "Dr. Dana Lee"));
      order.putArray("reasonCode").add(concept(SCT, m[3], null));
      ObjectNode dosage = order.putArray("dosageInstruction").addObject();
      dosage.put("sequence", 1).put("text", m[2]);
      dosage
          .putObject("timing")
          .putObject("repeat")
          .put("frequency", 1)
          .put("period", 1)
          .put("periodUnit", "d");
      dosage.put("asNeededBoolean", false);
      dosage
          .putArray("doseAndRate")
          .addObject()
          .set(
              "doseQuantity",
              JSON.createObjectNode()
                  .put("value", 1)
                  .put("unit", "{tbl}")
                  .put("system", "http://unitsofmeasure.org")
                  .put("code", "{tbl}"));
      entries.add(entry(order));
    }
    return bundle(entries);
  }

  private static ObjectNode resource(String type, String id, String profile) {
    ObjectNode resource = JSON.createObjectNode();
    resource.put("resourceType", type);
    resource.put("id", id);
    ObjectNode meta = resource.putObject("meta");
    meta.put("versionId", "3").put("lastUpdated", "2026-10-02T14:31:07.112-05:00");
    if (!profile.isEmpty()) {
      meta.putArray("profile").add("http://hl7.org/fhir/us/core/StructureDefinition/" + profile);
    }
    return resource;
  }

  private static ObjectNode concept(String system, String code, String display) {
    ObjectNode concept = JSON.createObjectNode();
    ObjectNode coding = concept.putArray("coding").addObject();
    coding.put("system", system).put("code", code);
    if (display != null) {
      coding.put("display", display);
    }
    return concept;
  }

  private static ObjectNode coding(String url, String system, String code, String display) {
    ObjectNode extension = JSON.createObjectNode().put("url", url);
    extension
        .putObject("valueCoding")
        .put("system", system)
        .put("code", code)
        .put("display", display);
    return extension;
  }

  private static ObjectNode subject() {
    return reference("Patient/" + PATIENT).put("display", "Samuel Adebayo Okafor");
  }

  private static ObjectNode reference(String reference) {
    return JSON.createObjectNode().put("reference", reference);
  }

  private static ObjectNode entry(ObjectNode resource) {
    ObjectNode entry = JSON.createObjectNode();
    entry.put(
        "fullUrl",
        BASE + resource.get("resourceType").asString() + "/" + resource.get("id").asString());
    entry.set("resource", resource);
    return entry;
  }

  private static ObjectNode bundle(ArrayNode entries) {
    ObjectNode bundle = JSON.createObjectNode();
    bundle.put("resourceType", "Bundle");
    bundle.put("id", UUID.nameUUIDFromBytes(entries.toString().getBytes()).toString());
    bundle.putObject("meta").put("lastUpdated", "2026-11-26T12:00:00.000-05:00");
    bundle.put("type", "searchset");
    bundle.put("total", entries.size());
    bundle
        .putArray("link")
        .addObject()
        .put("relation", "self")
        .put("url", BASE + "Bundle?patient=" + PATIENT);
    if (!entries.isEmpty()) {
      bundle.set("entry", entries);
    }
    return bundle;
  }

  /** Prints the record's size: {@code java -cp ... org.nocturne.bench.RealisticRecord}. */
  public static void main(String[] args) throws Exception {
    String request = request();
    JsonNode prefetch = JSON.readTree(request).get("prefetch");
    System.out.println("request bytes: " + request.getBytes(StandardCharsets.UTF_8).length);
    prefetch
        .properties()
        .forEach(e -> System.out.println(e.getKey() + ": " + e.getValue().toString().length()));
  }
}
