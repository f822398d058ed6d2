package org.nocturne.clinical.facts;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.nocturne.clinical.facts.Answers.EpisodeDuration;
import org.nocturne.clinical.facts.Answers.HomeMeasure;
import org.nocturne.clinical.facts.Answers.Laterality;
import org.nocturne.clinical.facts.Answers.Location;
import org.nocturne.clinical.facts.Answers.NightsPerWeek;
import org.nocturne.clinical.facts.Answers.Onset;
import org.nocturne.clinical.facts.Answers.PainCharacter;
import org.nocturne.clinical.facts.Answers.SkinChange;
import org.nocturne.clinical.facts.Answers.Smoking;
import org.nocturne.clinical.facts.Answers.Swelling;

/**
 * The patient's answers to the Nocturne questionnaire, typed. An unanswered item is {@code null}
 * (or absent from a set): "not asked" is never read as "no".
 *
 * @param reference the QuestionnaireResponse, e.g. {@code QuestionnaireResponse/qr1}
 * @param unsure the yes/no items the patient answered "not sure": unknown, like an unanswered item,
 *     but known to have been asked
 * @param authored when the patient answered, or {@code null} when the response is undated
 */
public record SymptomReport(
    String reference,
    Map<Item, Boolean> yesNo,
    Onset onset,
    NightsPerWeek nightsPerWeek,
    Integer painSeverity,
    Set<PainCharacter> character,
    Set<Location> location,
    Laterality laterality,
    EpisodeDuration episodeDuration,
    Swelling swelling,
    Set<SkinChange> skinChanges,
    Set<HomeMeasure> homeMeasuresTried,
    Smoking smoking,
    Set<Item> unsure,
    LocalDate authored) {

  public SymptomReport {
    Objects.requireNonNull(reference, "reference");
    yesNo = Map.copyOf(yesNo);
    character = Set.copyOf(character);
    location = Set.copyOf(location);
    skinChanges = Set.copyOf(skinChanges);
    homeMeasuresTried = Set.copyOf(homeMeasuresTried);
    unsure = Set.copyOf(unsure);
    if (painSeverity != null && (painSeverity < 0 || painSeverity > 10)) {
      throw new IllegalArgumentException("pain-severity is 0 to 10");
    }
  }

  /** The same answers, answered on the given date. */
  public SymptomReport authoredOn(LocalDate date) {
    return new SymptomReport(
        reference,
        yesNo,
        onset,
        nightsPerWeek,
        painSeverity,
        character,
        location,
        laterality,
        episodeDuration,
        swelling,
        skinChanges,
        homeMeasuresTried,
        smoking,
        unsure,
        date);
  }

  /**
   * A journey of more than 4 hours in the last 4 weeks (a DVT risk factor), from the {@code
   * long-travel} item; {@code null} when not asked.
   */
  public Boolean recentLongTravel() {
    return yesNo.get(Item.LONG_TRAVEL);
  }

  /** The patient answered yes. */
  public boolean yes(Item item) {
    return Boolean.TRUE.equals(yesNo.get(item));
  }

  /** The patient answered no (not merely left it out). */
  public boolean no(Item item) {
    return Boolean.FALSE.equals(yesNo.get(item));
  }

  /** The patient answered "not sure": neither yes nor no. */
  public boolean unsure(Item item) {
    return unsure.contains(item);
  }

  public boolean has(PainCharacter value) {
    return character.contains(value);
  }

  public boolean has(Location value) {
    return location.contains(value);
  }

  public boolean has(SkinChange value) {
    return skinChanges.contains(value);
  }

  /** The provenance of one answer: {@code QuestionnaireResponse/qr1#relief-dangling}. */
  public String evidence(Item item) {
    return reference + "#" + item.linkId();
  }

  public static Builder builder(String reference) {
    return new Builder(reference);
  }

  /** Builds a report answer by answer, as the mapper reads them. */
  public static final class Builder {
    private final String reference;
    private final Map<Item, Boolean> yesNo = new EnumMap<>(Item.class);
    private Onset onset;
    private NightsPerWeek nightsPerWeek;
    private Integer painSeverity;
    private final Set<PainCharacter> character = EnumSet.noneOf(PainCharacter.class);
    private final Set<Location> location = EnumSet.noneOf(Location.class);
    private Laterality laterality;
    private EpisodeDuration episodeDuration;
    private Swelling swelling;
    private final Set<SkinChange> skinChanges = EnumSet.noneOf(SkinChange.class);
    private final Set<HomeMeasure> homeMeasuresTried = EnumSet.noneOf(HomeMeasure.class);
    private Smoking smoking;
    private final Set<Item> unsure = EnumSet.noneOf(Item.class);
    private LocalDate authored;

    private Builder(String reference) {
      this.reference = reference;
    }

    public Builder answer(Item item, boolean value) {
      yesNo.put(item, value);
      return this;
    }

    public Builder yes(Item... items) {
      for (Item item : items) {
        yesNo.put(item, true);
      }
      return this;
    }

    public Builder no(Item... items) {
      for (Item item : items) {
        yesNo.put(item, false);
      }
      return this;
    }

    /** "Not sure": the item stays unknown (and any earlier yes or no is dropped). */
    public Builder unsure(Item... items) {
      for (Item item : items) {
        yesNo.remove(item);
        unsure.add(item);
      }
      return this;
    }

    public Builder smoking(Smoking value) {
      smoking = value;
      return this;
    }

    public Builder onset(Onset value) {
      onset = value;
      return this;
    }

    public Builder nightsPerWeek(NightsPerWeek value) {
      nightsPerWeek = value;
      return this;
    }

    public Builder painSeverity(Integer value) {
      painSeverity = value;
      return this;
    }

    public Builder character(PainCharacter... values) {
      character.addAll(List.of(values));
      return this;
    }

    public Builder location(Location... values) {
      location.addAll(List.of(values));
      return this;
    }

    public Builder laterality(Laterality value) {
      laterality = value;
      return this;
    }

    public Builder episodeDuration(EpisodeDuration value) {
      episodeDuration = value;
      return this;
    }

    public Builder swelling(Swelling value) {
      swelling = value;
      return this;
    }

    public Builder skinChanges(SkinChange... values) {
      skinChanges.addAll(List.of(values));
      return this;
    }

    public Builder homeMeasuresTried(Collection<HomeMeasure> values) {
      homeMeasuresTried.addAll(values);
      return this;
    }

    public Builder authored(LocalDate value) {
      authored = value;
      return this;
    }

    /** The {@code long-travel} answer; {@code null} leaves it unasked. */
    public Builder recentLongTravel(Boolean value) {
      if (value == null) {
        yesNo.remove(Item.LONG_TRAVEL);
      } else {
        yesNo.put(Item.LONG_TRAVEL, value);
      }
      return this;
    }

    public SymptomReport build() {
      return new SymptomReport(
          reference,
          yesNo,
          onset,
          nightsPerWeek,
          painSeverity,
          character,
          location,
          laterality,
          episodeDuration,
          swelling,
          skinChanges,
          homeMeasuresTried,
          smoking,
          unsure,
          authored);
    }
  }
}
