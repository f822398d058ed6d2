package org.nocturne.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;
import org.nocturne.clinical.facts.Disorder;
import org.nocturne.clinical.facts.DrugClass;
import org.nocturne.clinical.facts.Measure;

/**
 * Every code list the mapper reads, loaded once from the ValueSets in {@code fhir-profiles/} (their
 * one home). Each clinical concept has its ValueSet by name ({@code condition-diabetes}, {@code
 * observation-ferritin}, {@code drug-statin}); a missing one, or a filter the mapper cannot honour
 * offline, stops the start.
 */
public final class CodeSets {
  static final String PREGNANCY_STATUS = "observation-pregnancy-status";
  static final String COMPRESSION = "order-compression";
  static final String LEG_PAIN_COMPLAINT = "leg-pain-complaint";
  private static final String FOLDER = "fhir-profiles/";

  private final Map<Disorder, CodeSet> disorders = new EnumMap<>(Disorder.class);
  private final Map<Measure, CodeSet> measures = new EnumMap<>(Measure.class);
  private final Map<DrugClass, CodeSet> drugs = new EnumMap<>(DrugClass.class);
  private final CodeSet pregnancyStatus;
  private final CodeSet compression;
  private final CodeSet legPainComplaint;
  private final CodeIndex<Disorder> disorderCodes;
  private final CodeIndex<Measure> measureCodes;
  private final CodeIndex<DrugClass> drugCodes;
  private final NameIndex<DrugClass> drugNames;

  private CodeSets(FhirContext fhir) {
    for (Disorder disorder : Disorder.values()) {
      disorders.put(disorder, load(fhir, "condition-" + key(disorder)));
    }
    for (Measure measure : Measure.values()) {
      measures.put(measure, load(fhir, "observation-" + key(measure)));
    }
    for (DrugClass drugClass : DrugClass.values()) {
      drugs.put(drugClass, load(fhir, "drug-" + key(drugClass)));
    }
    pregnancyStatus = load(fhir, PREGNANCY_STATUS);
    compression = load(fhir, COMPRESSION);
    legPainComplaint = load(fhir, LEG_PAIN_COMPLAINT);
    disorderCodes = new CodeIndex<>(Disorder.class, disorders);
    measureCodes = new CodeIndex<>(Measure.class, measures);
    drugCodes = new CodeIndex<>(DrugClass.class, drugs);
    Map<DrugClass, List<String>> names = new EnumMap<>(DrugClass.class);
    drugs.forEach((drugClass, set) -> names.put(drugClass, set.names()));
    drugNames = new NameIndex<>(DrugClass.class, names);
  }

  public static CodeSets load(FhirContext fhir) {
    return new CodeSets(fhir);
  }

  /**
   * Every disorder any coding of the concept belongs to (E11.42 is diabetes and its neuropathy).
   */
  Set<Disorder> disorders(CodeableConcept concept) {
    Set<Disorder> found = EnumSet.noneOf(Disorder.class);
    for (Coding coding : concept.getCoding()) {
      CodeSet.Code code = CodeSet.Code.of(coding.getSystem(), coding.getCode());
      if (code != null) {
        found.addAll(disorderCodes.members(code));
      }
    }
    return found;
  }

  /** The measure of the first coding that names one (the first in declared order). */
  Optional<Measure> measure(CodeableConcept concept) {
    for (Coding coding : concept.getCoding()) {
      CodeSet.Code code = CodeSet.Code.of(coding.getSystem(), coding.getCode());
      if (code != null) {
        Set<Measure> found = measureCodes.members(code);
        if (!found.isEmpty()) {
          return Optional.of(found.iterator().next());
        }
      }
    }
    return Optional.empty();
  }

  boolean isPregnancyStatus(CodeableConcept concept) {
    return concept.getCoding().stream()
        .anyMatch(c -> pregnancyStatus.matches(c.getSystem(), c.getCode()));
  }

  /** An order of compression therapy, by code (its words are matched by the order reader). */
  boolean isCompression(CodeableConcept concept) {
    return concept.getCoding().stream()
        .anyMatch(c -> compression.matches(c.getSystem(), c.getCode()));
  }

  /**
   * A diagnosis that makes leg pain the current complaint (contract, "When patient-view speaks").
   */
  boolean isLegPainComplaint(CodeableConcept concept) {
    return concept.getCoding().stream()
        .anyMatch(c -> legPainComplaint.matches(c.getSystem(), c.getCode()));
  }

  /** Drug classes by RxNorm code first, then by ingredient name as a whole word in the texts. */
  Set<DrugClass> drugClasses(List<Coding> codings, List<String> texts) {
    Set<DrugClass> found = EnumSet.noneOf(DrugClass.class);
    for (Coding coding : codings) {
      CodeSet.Code code = CodeSet.Code.of(coding.getSystem(), coding.getCode());
      if (code != null) {
        found.addAll(drugCodes.members(code));
      }
    }
    if (found.isEmpty()) {
      found.addAll(drugNames.members(String.join(" ", texts).toLowerCase(Locale.ROOT)));
    }
    return found;
  }

  /**
   * Whether {@code word} occurs in {@code text} with no letter a-z right before or after it: what
   * the regex {@code (?<![a-z])word(?![a-z])} finds, without a regex per medication and name.
   */
  static boolean containsWord(String text, String word) {
    for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      int end = at + word.length();
      if ((at == 0 || !isAsciiLower(text.charAt(at - 1)))
          && (end == text.length() || !isAsciiLower(text.charAt(end)))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isAsciiLower(char c) {
    return c >= 'a' && c <= 'z';
  }

  private static CodeSet load(FhirContext fhir, String id) {
    String resource = FOLDER + "ValueSet-" + id + ".json";
    try (InputStream in = CodeSets.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("code list missing from the classpath: " + resource);
      }
      ValueSet valueSet =
          fhir.newJsonParser()
              .parseResource(ValueSet.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      return toCodeSet(id, valueSet);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static CodeSet toCodeSet(String id, ValueSet valueSet) {
    Map<String, Set<String>> exact = new HashMap<>();
    List<String> prefixes = new ArrayList<>();
    List<Pattern> patterns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
      String system = CodeSet.canonicalSystem(include.getSystem());
      boolean icd = system.equals(CodeSet.ICD10CM);
      for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
        exact
            .computeIfAbsent(system, s -> new HashSet<>())
            .add(icd ? CodeSet.normalizeIcd(concept.getCode()) : concept.getCode());
        if (id.startsWith("drug-") && concept.hasDisplay()) {
          // the ingredient as a whole word (containsWord): "quinine" never matches "quinidine"
          names.add(concept.getDisplay().toLowerCase(Locale.ROOT));
        }
      }
      for (ValueSet.ConceptSetFilterComponent filter : include.getFilter()) {
        String op = filter.getOp() == null ? "" : filter.getOp().toCode();
        if (icd && op.equals("is-a")) {
          prefixes.add(CodeSet.normalizeIcd(filter.getValue()));
        } else if (icd && op.equals("regex")) {
          patterns.add(Pattern.compile(filter.getValue()));
        } else {
          throw new IllegalStateException(
              "ValueSet "
                  + id
                  + ": the filter "
                  + op
                  + " on "
                  + system
                  + " cannot be evaluated offline");
        }
      }
    }
    return new CodeSet(id, exact, prefixes, patterns, names);
  }

  private static String key(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
