package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IJsonLikeParser;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the JSON under each prefetch key into HAPI R4 resources: a single resource or a searchset
 * Bundle, whose entries are kept whatever their type (the mappers choose).
 *
 * <p>Real EHR extracts hold malformed entries (a date that is not a date, an unknown code, no
 * {@code resourceType}). Each Bundle entry is therefore parsed on its own: a bad entry is left out
 * with a reason that names its position and type, never its content, and every other entry is read.
 * A key that is not FHIR at all is unavailable, not an error; only an unreadable patient stops the
 * call.
 *
 * <p>Each key's JSON is read once: the tree the request's parse built is handed to HAPI as it is
 * ({@link JsonTree}), never written back to text and parsed again. HAPI is shown only the elements
 * the mappers read ({@link ElementsRead}): an unread element costs nothing, and a malformed one (a
 * bad {@code meta.lastUpdated}) no longer costs its entry; an entry none of the mappers reads
 * ({@link RelevantEntries}) is not built at all.
 */
public final class RecordReader {
  public static final String PATIENT = "patient";
  public static final String CONDITIONS = "conditions";
  public static final String OBSERVATIONS = "observations";
  public static final String MEDICATIONS = "medications";
  public static final String QUESTIONNAIRE_RESPONSE = "questionnaireResponse";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** Marks a key whose text is not JSON (the text entry points only). */
  private static final JsonNode NOT_JSON = JSON.getNodeFactory().stringNode("not JSON");

  private final FhirContext fhir;
  private final RelevantEntries relevant;

  public RecordReader(FhirContext fhir, CodeSets codes) {
    this.fhir = fhir;
    this.relevant = new RelevantEntries(codes);
  }

  /**
   * @param json the resource or Bundle JSON under each key that has data, as the EHR sent it
   * @param unavailable keys whose data could not be had
   */
  public PatientRecord read(Map<String, String> json, List<String> unavailable) {
    return read(json, Set.of(), unavailable);
  }

  /**
   * The same from JSON text (tests and benchmarks; the service hands over the parsed trees).
   *
   * @param json the resource or Bundle JSON under each key that has data
   * @param fetched the keys this service fetched itself (the others were prefetched by the EHR)
   * @param unavailable keys whose data could not be had, each possibly with its reason
   * @throws InvalidFhirDataException when the patient is not a readable FHIR Patient
   */
  public PatientRecord read(
      Map<String, String> json, Set<String> fetched, List<String> unavailable) {
    return read(json, fetched, unavailable, List.of());
  }

  /** The same with fetched Medications (see {@link #readTrees(Map, Set, List, List)}). */
  public PatientRecord read(
      Map<String, String> json,
      Set<String> fetched,
      List<String> unavailable,
      List<String> referencedMedications) {
    Map<String, JsonNode> trees = new LinkedHashMap<>();
    json.forEach((key, text) -> trees.put(key, tree(text)));
    return readTrees(
        trees,
        fetched,
        unavailable,
        referencedMedications.stream().map(RecordReader::tree).toList());
  }

  /**
   * @param json the resource or Bundle under each key that has data, as the request's parse read it
   *     (only read, never changed: it may be shared)
   * @param fetched the keys this service fetched itself (the others were prefetched by the EHR)
   * @param unavailable keys whose data could not be had, each possibly with its reason
   * @throws InvalidFhirDataException when the patient is not a readable FHIR Patient
   */
  public PatientRecord readTrees(
      Map<String, JsonNode> json, Set<String> fetched, List<String> unavailable) {
    return readTrees(json, fetched, unavailable, List.of());
  }

  /**
   * The same, with the Medications the orders named by reference and the service fetched from the
   * FHIR server: read beside the medication orders, so their references resolve.
   */
  public PatientRecord readTrees(
      Map<String, JsonNode> json,
      Set<String> fetched,
      List<String> unavailable,
      List<JsonNode> referencedMedications) {
    List<String> missing = new ArrayList<>(unavailable);
    List<String> skipped = new ArrayList<>();
    Optional<Patient> patient = Optional.ofNullable(json.get(PATIENT)).map(this::patient);
    OtherPatients others =
        new OtherPatients(
            Optional.ofNullable(json.get(PATIENT)).map(p -> p.path("id").asString("")).orElse(""));
    List<Resource> medications =
        new ArrayList<>(resources(json, MEDICATIONS, fetched, missing, skipped, others));
    int position = 0;
    for (JsonNode medication : referencedMedications) {
      entry("fetched Medication", ++position, medication, skipped).ifPresent(medications::add);
    }
    return new PatientRecord(
        patient,
        resources(json, CONDITIONS, fetched, missing, skipped, others),
        resources(json, OBSERVATIONS, fetched, missing, skipped, others),
        medications,
        resources(json, QUESTIONNAIRE_RESPONSE, fetched, missing, skipped, others),
        missing,
        skipped);
  }

  private static JsonNode tree(String text) {
    try {
      JsonNode tree = JSON.readTree(text);
      return tree == null ? JSON.missingNode() : tree;
    } catch (JacksonException e) {
      return NOT_JSON;
    }
  }

  /**
   * The patient carries age and sex: an invalid value is dropped, and so is an element of the wrong
   * shape (an {@code extension} that is an object, a {@code gender} that is a list), the rest is
   * kept. Only JSON that is no Patient at all stops the call.
   */
  private Patient patient(JsonNode json) {
    if (!json.isObject() || !"Patient".equals(json.path("resourceType").asString(""))) {
      throw new InvalidFhirDataException("prefetch 'patient' is not a FHIR R4 Patient");
    }
    IBaseResource parsed;
    InvalidValues.Seen seen = new InvalidValues.Seen(false);
    try {
      parsed = parser(seen).parseResource(new JsonTree(json));
    } catch (RuntimeException e) {
      parsed = readableElements(json);
      seen.invalid();
    }
    if (!(parsed instanceof Patient patient)) {
      throw new InvalidFhirDataException("prefetch 'patient' is not a FHIR R4 Patient");
    }
    FhirIds.clearIfInvalid(patient);
    return seen.any() ? InvalidValues.clear(fhir, patient) : patient;
  }

  /** The resource of the elements that HAPI reads one by one: each unreadable one left out. */
  private IBaseResource readableElements(JsonNode json) {
    Set<String> readable = new HashSet<>();
    readable.add("resourceType");
    for (String name : json.propertyNames()) {
      if (name.equals("resourceType")) {
        continue;
      }
      try {
        parser(new InvalidValues.Seen(false))
            .parseResource(
                new JsonTree(
                    json, property -> property.equals("resourceType") || property.equals(name)));
        readable.add(name);
      } catch (RuntimeException e) {
        // this element costs itself, not the patient
      }
    }
    try {
      return parser(new InvalidValues.Seen(false))
          .parseResource(new JsonTree(json, readable::contains));
    } catch (RuntimeException e) {
      throw new InvalidFhirDataException("prefetch 'patient' is not a FHIR R4 Patient");
    }
  }

  private List<Resource> resources(
      Map<String, JsonNode> json,
      String key,
      Set<String> fetched,
      List<String> missing,
      List<String> skipped,
      OtherPatients others) {
    JsonNode root = json.get(key);
    if (root == null) {
      return List.of();
    }
    if (root == NOT_JSON) {
      missing.add(key + " (not JSON)");
      return List.of();
    }
    if (!root.isObject()) {
      missing.add(key + " (not a FHIR resource)");
      return List.of();
    }
    if (!"Bundle".equals(root.path("resourceType").asString(""))) {
      if (others.belongToAnother(root)) {
        skipped.add(key + ": " + OtherPatients.REASON);
        return List.of();
      }
      return entry(key, 1, root, skipped).map(List::of).orElse(List.of());
    }
    JsonNode entries = root.path("entry");
    if (!entries.isMissingNode() && !entries.isNull() && !entries.isArray()) {
      missing.add(key + " (its Bundle has no list of entries)");
      return List.of();
    }
    List<Resource> out = new ArrayList<>(entries.size());
    int position = 0;
    for (JsonNode entry : entries) {
      position++;
      JsonNode resource = entry.path("resource");
      if (!resource.isObject()) {
        skipped.add(key + " entry " + position + ": no resource");
        continue;
      }
      if (others.belongToAnother(resource)) {
        skipped.add(key + " entry " + position + ": " + OtherPatients.REASON);
        continue;
      }
      if (relevant.mayMatter(resource)) {
        String fullUrl = entry.path("fullUrl").asString("");
        entry(key, position, resource, skipped)
            .ifPresent(
                read -> {
                  if (!fullUrl.isEmpty()) {
                    // a medicationReference may name a Medication entry by its fullUrl
                    read.setUserData(MedicationLookup.FULL_URL, fullUrl);
                  }
                  out.add(read);
                });
      }
    }
    if (hasNext(root) && !key.equals(QUESTIONNAIRE_RESPONSE)) {
      // counted in entries on the page, read or passed over: the rest are on later pages
      missing.add(laterPages(key, position, root.path("total"), fetched.contains(key)));
    }
    return out;
  }

  /** One entry, parsed on its own so its errors stay its own. */
  private Optional<Resource> entry(String key, int position, JsonNode json, List<String> skipped) {
    String resourceType = json.path("resourceType").asString("");
    if (resourceType.equals("QuestionnaireResponse")) {
      Optional<QuestionnaireResponse> known = KnownShapeResponse.read(json);
      if (known.isPresent()) {
        FhirIds.clearIfInvalid(known.get());
        return Optional.of(known.get());
      }
    }
    InvalidValues.Seen seen = new InvalidValues.Seen(true);
    try {
      IBaseResource parsed =
          parser(seen).parseResource(new JsonTree(json, ElementsRead.of(resourceType)));
      if (parsed instanceof Resource resource) {
        FhirIds.clearIfInvalid(resource);
        // a strict parse fails on an invalid value, so only a reported one is looked for
        return Optional.of(seen.any() ? InvalidValues.clear(fhir, resource) : resource);
      }
    } catch (RuntimeException e) {
      // DataFormatException and the others HAPI throws on parseable but malformed content
    }
    skipped.add(
        key
            + " entry "
            + position
            + " ("
            + knownType(resourceType)
            + "): not valid FHIR R4, left out");
    return Optional.empty();
  }

  /** The resource type when FHIR R4 defines it; anything else is named by a fixed phrase. */
  private String knownType(String type) {
    if (type.isEmpty()) {
      return "no resourceType";
    }
    return fhir.getResourceTypes().contains(type) ? type : "unknown resourceType";
  }

  /**
   * The questionnaire key asks for the newest response only ({@code _count=1}), so its next link is
   * expected and is not missing data.
   */
  private static boolean hasNext(JsonNode bundle) {
    for (JsonNode link : bundle.path("link")) {
      if ("next".equals(link.path("relation").asString(""))) {
        return true;
      }
    }
    return false;
  }

  private static String laterPages(String key, int read, JsonNode total, boolean fetched) {
    String more =
        total.isIntegralNumber() && total.asLong() > read
            ? (total.asLong() - read) + " more"
            : "later pages";
    return key
        + " beyond the first "
        + read
        + " entries ("
        + more
        + " not read: "
        + (fetched
            ? "the FHIR server had more pages than the fetch limit allows"
            : "the EHR prefetched only the first page")
        + ")";
  }

  /**
   * Parsers are cheap and not thread-safe; the lenient handler ignores unknown elements and stays
   * quiet so no value is logged, and notes whether any value was invalid.
   */
  private IJsonLikeParser parser(InvalidValues.Seen handler) {
    return (IJsonLikeParser) fhir.newJsonParser().setParserErrorHandler(handler);
  }
}
