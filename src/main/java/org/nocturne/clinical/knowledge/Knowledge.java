package org.nocturne.clinical.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.nocturne.clinical.conclusions.Advice;
import org.nocturne.clinical.conclusions.Cause;
import org.nocturne.clinical.conclusions.FlagGuidance;
import org.nocturne.clinical.conclusions.MedicationEffect;
import org.nocturne.clinical.conclusions.NextStep;
import org.nocturne.clinical.conclusions.RedFlag;
import org.nocturne.clinical.conclusions.SafetyConcern;
import org.nocturne.clinical.facts.DrugClass;

/**
 * The thresholds and texts of the model, each with its source, from {@code
 * clinical/knowledge.properties}. Loading checks the file is complete and has nothing the model
 * does not know, so a typo stops the service at start-up instead of silently changing a card.
 */
public final class Knowledge {
  public static final String RESOURCE = "clinical/knowledge.properties";

  private final Map<Threshold, Double> values = new EnumMap<>(Threshold.class);
  private final Map<Threshold, String> valueSources = new EnumMap<>(Threshold.class);
  private final Map<Cause, String> causeNames = new EnumMap<>(Cause.class);
  private final Map<Cause, String> causeShortNames = new EnumMap<>(Cause.class);
  private final Map<Cause, String> causeRuleOut = new EnumMap<>(Cause.class);
  private final Map<Advice, Sourced> advice = new EnumMap<>(Advice.class);
  private final Map<Advice, Sourced> withheld = new EnumMap<>(Advice.class);
  private final Map<NextStep, StepText> steps = new EnumMap<>(NextStep.class);
  private final Map<FlagGuidance, Guidance> flags = new EnumMap<>(FlagGuidance.class);
  private final Map<SafetyConcern, Guidance> safety = new EnumMap<>(SafetyConcern.class);
  private final Map<MedicationEffect.Kind, Guidance> effects =
      new EnumMap<>(MedicationEffect.Kind.class);
  private final Map<DrugClass, Sourced> alternatives = new EnumMap<>(DrugClass.class);
  private final Map<Advice, String> patientAdvice = new EnumMap<>(Advice.class);
  private final Map<Advice, String> patientWithheld = new EnumMap<>(Advice.class);
  private final Map<Cause, Education> education = new EnumMap<>(Cause.class);
  private final Map<Cause, Map<Advice, String>> educationWithout = new EnumMap<>(Cause.class);
  private final Map<Help, Sourced> help = new EnumMap<>(Help.class);

  /** A patient page's title and what the cause is, in plain words, with its sources. */
  public record Education(String title, String text, String source) {}

  /** When a patient should get help, from most to least urgent. */
  public enum Help {
    EMERGENCY("emergency"),
    SAME_DAY("same-day"),
    SOON("soon");

    private final String key;

    Help(String key) {
      this.key = key;
    }
  }

  /** A next step's label and its source; the reason is the patient's own (Recommendation). */
  public record StepText(String label, String source) {}

  /** A red flag or an order-safety finding: its name, what it means, the action, and the source. */
  public record Guidance(String display, String text, String action, String source) {}

  /**
   * A guideline a card may name: its short name, its page (https), and the texts by which a source
   * text cites it. Explicit data, so a card never shows a name guessed out of a source text.
   */
  public record Guideline(String name, String url, List<String> citedAs) {
    /** Where a source text first cites this guideline, or -1. */
    int citedAt(String source) {
      return citedAs.stream().mapToInt(source::indexOf).filter(at -> at >= 0).min().orElse(-1);
    }
  }

  private final List<Guideline> guidelines = new ArrayList<>();

  /** The guidelines each of the model's own sources cites, found once (every card asks). */
  private final Map<String, List<Guideline>> citations = new HashMap<>();

  /**
   * The same for the texts a card joins from those sources, found on first use (a card call asked
   * for them anew each time); bounded, as a cache keyed by text must be.
   */
  private final Map<String, List<Guideline>> composedCitations =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int MAX_COMPOSED_CITATIONS = 4096;

  private Knowledge(Properties properties) {
    Reader reader = new Reader(properties);
    for (Threshold threshold : Threshold.values()) {
      String key = "threshold." + threshold.key();
      values.put(threshold, reader.number(key));
      valueSources.put(threshold, reader.text(key + ".source"));
    }
    for (Cause cause : Cause.values()) {
      causeNames.put(cause, reader.text("cause." + cause.code() + ".display"));
      causeShortNames.put(cause, reader.text("cause." + cause.code() + ".short"));
      causeRuleOut.put(cause, reader.text("cause." + cause.code() + ".rule-out"));
    }
    for (Advice item : Advice.values()) {
      advice.put(item, reader.sourced("advice." + item.key()));
    }
    for (Advice item : Advice.values()) {
      patientAdvice.put(item, reader.text("advice." + item.key() + ".patient"));
    }
    for (Advice item : List.of(Advice.LEG_ELEVATION, Advice.HEAT, Advice.HYDRATION)) {
      patientWithheld.put(item, reader.text("withheld." + item.key() + ".patient"));
      withheld.put(item, reader.sourced("withheld." + item.key()));
    }
    for (Cause cause : Cause.values()) {
      String key = "education." + cause.code();
      education.put(
          cause,
          new Education(
              reader.text(key + ".title"),
              reader.text(key + ".text"),
              reader.text(key + ".source")));
    }
    // A page's opening words where they would recommend advice withheld for the patient
    for (Cause cause : Cause.values()) {
      Map<Advice, String> without = new EnumMap<>(Advice.class);
      for (Advice item : patientWithheld.keySet()) {
        reader
            .optional("education." + cause.code() + ".text-without-" + item.key())
            .ifPresent(text -> without.put(item, text));
      }
      educationWithout.put(cause, without);
    }
    for (Help level : Help.values()) {
      help.put(level, reader.sourced("education." + level.key));
    }
    for (NextStep step : NextStep.values()) {
      String key = "step." + step.key();
      steps.put(step, new StepText(reader.text(key + ".text"), reader.text(key + ".source")));
    }
    for (FlagGuidance flag : FlagGuidance.values()) {
      flags.put(flag, reader.guidance("flag." + flag.key()));
    }
    for (SafetyConcern concern : SafetyConcern.values()) {
      String key = "safety." + concern.code();
      safety.put(concern, reader.guidance(key));
    }
    for (DrugClass drugClass : DrugClass.RLS_AGGRAVATING) {
      String key = drugClass.name().toLowerCase(Locale.ROOT).replace('_', '-');
      alternatives.put(drugClass, reader.sourced("alternative." + key));
    }
    for (MedicationEffect.Kind kind : MedicationEffect.Kind.values()) {
      effects.put(kind, reader.guidance("effect." + kind.key()));
    }
    properties.stringPropertyNames().stream()
        .filter(key -> key.startsWith("guideline."))
        .map(key -> key.substring("guideline.".length(), key.lastIndexOf('.')))
        .distinct()
        .sorted()
        .forEach(id -> guidelines.add(reader.guideline("guideline." + id)));
    reader.failOnProblems();
    sources().forEach(source -> citations.put(source, citedIn(source)));
  }

  /** Loads and checks the knowledge file from the classpath. */
  public static Knowledge load() {
    try (InputStream in = Knowledge.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("knowledge file not found on the classpath: " + RESOURCE);
      }
      return from(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads and checks knowledge from any source (tests feed broken files through this). */
  public static Knowledge from(java.io.Reader text) throws IOException {
    Properties properties = new Properties();
    properties.load(text);
    return new Knowledge(properties);
  }

  public double value(Threshold threshold) {
    return values.get(threshold);
  }

  public String source(Threshold threshold) {
    return valueSources.get(threshold);
  }

  public String name(Cause cause) {
    return causeNames.get(cause);
  }

  /** The name used in a one-line summary ("arterial rest pain"). */
  public String shortName(Cause cause) {
    return causeShortNames.get(cause);
  }

  /** What must not be missed when this cause is likely, in a few words. */
  public String ruleOut(Cause cause) {
    return causeRuleOut.get(cause);
  }

  public Sourced advice(Advice item) {
    return advice.get(item);
  }

  /** The advice in a patient's words, for the education pages. */
  public String patientAdvice(Advice item) {
    return patientAdvice.get(item);
  }

  /** Why advice is withheld, in a patient's words; only for the advice that can be unsafe. */
  public Optional<String> patientWithheld(Advice item) {
    return Optional.ofNullable(patientWithheld.get(item));
  }

  public Education education(Cause cause) {
    return education.get(cause);
  }

  /**
   * The page's opening words for a patient for whom this advice is withheld, where the usual words
   * recommend it (venous disease: "raising your legs helps").
   */
  public Optional<String> educationTextWithout(Cause cause, Advice item) {
    return Optional.ofNullable(educationWithout.get(cause).get(item));
  }

  /** The signs that need help at this level, one per item, and their source. */
  public Sourced help(Help level) {
    return help.get(level);
  }

  /** Why a piece of advice is withheld, for the advice that can be unsafe. */
  public Sourced withheld(Advice item) {
    return withheld.get(item);
  }

  public StepText step(NextStep step) {
    return steps.get(step);
  }

  /** The general texts of a red flag. */
  public Guidance flag(RedFlag flag) {
    return flags.get(FlagGuidance.of(flag));
  }

  /** The texts of one presentation of a red flag. */
  public Guidance flag(FlagGuidance guidance) {
    return flags.get(guidance);
  }

  public Guidance effect(MedicationEffect.Kind kind) {
    return effects.get(kind);
  }

  public Guidance safety(SafetyConcern concern) {
    return safety.get(concern);
  }

  /**
   * The guidelines a source text cites, in the order it cites them; none when it cites only our
   * policy, a typical range or a paper without a guideline page.
   */
  public List<Guideline> guidelines(String source) {
    List<Guideline> cited = citations.get(source);
    if (cited != null) {
      return cited;
    }
    cited = composedCitations.get(source);
    if (cited == null) {
      cited = citedIn(source);
      // a card's sources joined from the model's own texts: few, and the same on every call
      if (composedCitations.size() < MAX_COMPOSED_CITATIONS) {
        composedCitations.putIfAbsent(source, cited);
      }
    }
    return cited;
  }

  private List<Guideline> citedIn(String source) {
    return guidelines.stream()
        .filter(g -> g.citedAt(source) >= 0)
        .sorted(Comparator.comparingInt(g -> g.citedAt(source)))
        .toList();
  }

  /** Every guideline a card may name. */
  public List<Guideline> guidelines() {
    return List.copyOf(guidelines);
  }

  /** An alternative for a drug that worsens restless legs, fitting its class. */
  public Sourced alternative(DrugClass drugClass) {
    Sourced alternative = alternatives.get(drugClass);
    if (alternative == null) {
      throw new IllegalArgumentException("no alternative is known for " + drugClass);
    }
    return alternative;
  }

  /** Every source the model cites, in file order, each once. */
  public List<String> sources() {
    LinkedHashSet<String> all = new LinkedHashSet<>(valueSources.values());
    flags.values().forEach(g -> all.add(g.source()));
    effects.values().forEach(g -> all.add(g.source()));
    steps.values().forEach(step -> all.add(step.source()));
    advice.values().forEach(a -> all.add(a.source()));
    return List.copyOf(all);
  }

  /** Reads keys, remembering every problem so one start-up error lists them all. */
  private static final class Reader {
    private final Properties properties;
    private final Set<String> used = new HashSet<>();
    private final List<String> problems = new ArrayList<>();

    Reader(Properties properties) {
      this.properties = properties;
    }

    String text(String key) {
      used.add(key);
      String value = properties.getProperty(key);
      if (value == null || value.isBlank()) {
        problems.add(key + " is missing or empty");
        return "";
      }
      return value.trim();
    }

    /** A key that may be absent; present but blank is a problem. */
    Optional<String> optional(String key) {
      return properties.containsKey(key) ? Optional.of(text(key)) : Optional.empty();
    }

    double number(String key) {
      String text = text(key);
      try {
        return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
      } catch (NumberFormatException e) {
        problems.add(key + " is not a number");
        return Double.NaN;
      }
    }

    Guidance guidance(String key) {
      return new Guidance(
          text(key + ".display"),
          text(key + ".text"),
          text(key + ".action"),
          text(key + ".source"));
    }

    Guideline guideline(String key) {
      String url = text(key + ".url");
      if (!url.isEmpty() && !url.startsWith("https://")) {
        problems.add(key + ".url is not an https address");
      }
      List<String> citedAs =
          Arrays.stream(text(key + ".cited-as").split("\\|"))
              .map(String::trim)
              .filter(t -> !t.isEmpty())
              .toList();
      return new Guideline(text(key + ".name"), url, citedAs);
    }

    Sourced sourced(String key) {
      return new Sourced(text(key + ".text"), text(key + ".source"));
    }

    void failOnProblems() {
      properties.stringPropertyNames().stream()
          .filter(key -> !used.contains(key))
          .sorted()
          .forEach(key -> problems.add(key + " is not used by the model (a typo?)"));
      if (!problems.isEmpty()) {
        throw new IllegalStateException("invalid " + RESOURCE + ": " + String.join("; ", problems));
      }
    }
  }
}
