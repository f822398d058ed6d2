package org.nocturne.clinical.facts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The answer codes of the contract's choice items (CodeSystem {@code leg-pain-answer}), one enum
 * per item.
 */
public final class Answers {
  private Answers() {}

  /** An answer with its wire code. */
  public interface Coded {
    String code();
  }

  /** The answer of type {@code type} whose code is {@code code}. */
  public static <E extends Enum<E> & Coded> Optional<E> byCode(Class<E> type, String code) {
    return Arrays.stream(type.getEnumConstants())
        .filter(value -> value.code().equals(code))
        .findFirst();
  }

  public enum Onset implements Coded {
    UNDER_2_WEEKS("under-2-weeks"),
    TWO_WEEKS_TO_3_MONTHS("2-weeks-to-3-months"),
    OVER_3_MONTHS("over-3-months");

    private final String code;

    Onset(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum NightsPerWeek implements Coded {
    UNDER_1("under-1"),
    ONE_TO_TWO("1-2"),
    THREE_TO_FIVE("3-5"),
    SIX_TO_SEVEN("6-7");

    private final String code;

    NightsPerWeek(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum PainCharacter implements Coded {
    CRAMP_HARD_MUSCLE("cramp-hard-muscle"),
    URGE_TO_MOVE("urge-to-move"),
    CRAWLING_CREEPING("crawling-creeping"),
    BURNING("burning"),
    TINGLING("tingling"),
    NUMBNESS("numbness"),
    ACHING_HEAVINESS("aching-heaviness"),
    THROBBING("throbbing"),
    SHOOTING_ELECTRIC("shooting-electric"),
    JOINT_PAIN_STIFFNESS("joint-pain-stiffness");

    private final String code;

    PainCharacter(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum Location implements Coded {
    CALF("calf"),
    FOOT_TOES("foot-toes"),
    THIGH("thigh"),
    SHIN("shin"),
    WHOLE_LEG("whole-leg"),
    RADIATES_FROM_BACK_OR_BUTTOCK("radiates-from-back-or-buttock"),
    KNEE_OR_HIP_JOINT("knee-or-hip-joint");

    private final String code;

    Location(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum Laterality implements Coded {
    LEFT("left"),
    RIGHT("right"),
    BOTH("both"),
    ALTERNATING("alternating");

    private final String code;

    Laterality(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }

    public boolean oneLeg() {
      return this == LEFT || this == RIGHT;
    }
  }

  public enum EpisodeDuration implements Coded {
    UNDER_10_MINUTES("under-10-minutes"),
    TEN_TO_60_MINUTES("10-to-60-minutes"),
    HOURS("hours"),
    CONSTANT("constant");

    private final String code;

    EpisodeDuration(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum Swelling implements Coded {
    NONE("none"),
    ONE_LEG("one-leg"),
    BOTH_LEGS("both-legs");

    private final String code;

    Swelling(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum SkinChange implements Coded {
    NONE("none"),
    NON_HEALING_SORE("non-healing-sore"),
    DARK_DISCOLORATION("dark-discoloration"),
    PALE_OR_BLUE("pale-or-blue"),
    RED_WARM("red-warm"),
    SHINY_HAIRLESS("shiny-hairless"),
    /** The patient cannot tell: unknown, never "none". */
    NOT_SURE("not-sure");

    private final String code;

    SkinChange(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  public enum HomeMeasure implements Coded {
    STRETCHING("stretching"),
    HEAT("heat"),
    HYDRATION("hydration"),
    ELEVATION("elevation"),
    DANGLING("dangling"),
    PILLOWS("pillows"),
    WALKING_ABOUT("walking-about"),
    OTHER("other"),
    NONE("none");

    private final String code;

    HomeMeasure(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /** Smoking, as the patient reports it (the record's LOINC 72166-2 is read elsewhere). */
  public enum Smoking implements Coded {
    CURRENT("current-smoker"),
    FORMER("former-smoker"),
    NEVER("never-smoked");

    private final String code;

    Smoking(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  /**
   * A yes/no question that offers "not sure" (calf tenderness, family history, fever, …): the coded
   * answer the questionnaire uses from 1.1.0; older responses answer with a boolean.
   */
  public enum YesNoNotSure implements Coded {
    YES("yes"),
    NO("no"),
    NOT_SURE("not-sure");

    private final String code;

    YesNoNotSure(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }
}
