package org.nocturne.clinical.facts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The questionnaire items of the contract, by linkId. */
public enum Item {
  ONSET("onset"),
  NIGHTS_PER_WEEK("nights-per-week"),
  SUDDEN_ONSET("sudden-onset"),
  PAIN_SEVERITY("pain-severity"),
  CHARACTER("character"),
  LOCATION("location"),
  LATERALITY("laterality"),
  EPISODE_DURATION("episode-duration"),
  RELIEF_STRETCHING("relief-stretching"),
  RELIEF_MOVING("relief-moving"),
  RELIEF_DANGLING("relief-dangling"),
  RELIEF_ELEVATION("relief-elevation"),
  WORSE_LYING_FLAT("worse-lying-flat"),
  WORSE_EVENING_AT_REST("worse-evening-at-rest"),
  WORSE_AFTER_STANDING("worse-after-standing"),
  WORSE_SITTING_BENDING_COUGHING("worse-sitting-bending-coughing"),
  EXERTIONAL_CALF_PAIN("exertional-calf-pain"),
  MORNING_STIFFNESS_OVER_30_MINUTES("morning-stiffness-over-30-minutes"),
  FAMILY_HISTORY_RLS("family-history-rls"),
  SWELLING("swelling"),
  CALF_TENDERNESS("calf-tenderness"),
  RECENT_IMMOBILITY_OR_SURGERY("recent-immobility-or-surgery"),
  SKIN_CHANGES("skin-changes"),
  COLD_PALE_LEG("cold-pale-leg"),
  NEW_WEAKNESS_OR_NUMBNESS("new-weakness-or-numbness"),
  BLADDER_OR_BOWEL_CHANGE("bladder-or-bowel-change"),
  SADDLE_NUMBNESS("saddle-numbness"),
  FEVER("fever"),
  WEIGHT_LOSS("weight-loss"),
  NOT_IMPROVING_WITH_HOME_CARE("not-improving-with-home-care"),
  SLEEP_DISRUPTED("sleep-disrupted"),
  HOME_MEASURES_TRIED("home-measures-tried"),
  // Added in questionnaire 1.1.0 (issue 18): one question, one thing, and the risk factors that
  // matter to the DVT, arterial and sleep questions; older responses simply lack them.
  /** Symptoms come back soon after moving stops (IRLSSG criterion 3 with relief-moving). */
  RETURNS_WHEN_STILL("returns-when-still"),
  /** Begin or get worse when sitting or lying still (IRLSSG criterion 2). */
  WORSE_SITTING_OR_LYING_STILL("worse-sitting-or-lying-still"),
  /** Disc-type: worse sitting, coughing or sneezing. */
  WORSE_SITTING_OR_COUGHING("worse-sitting-or-coughing"),
  /** Stenosis-type: eased by bending forward or sitting down. */
  EASED_BENDING_FORWARD_OR_SITTING("eased-bending-forward-or-sitting"),
  SMOKING("smoking"),
  PREGNANT_OR_RECENT_BIRTH("pregnant-or-recent-birth"),
  OESTROGEN_MEDICINE("oestrogen-medicine"),
  /** A journey of more than 4 hours in the last 4 weeks. */
  LONG_TRAVEL("long-travel"),
  /** A clot in a leg or lung, ever. */
  PREVIOUS_CLOT("previous-clot"),
  EVENING_CAFFEINE_OR_ALCOHOL("evening-caffeine-or-alcohol"),
  SNORING_OR_APNOEA("snoring-or-apnoea");

  private final String linkId;

  Item(String linkId) {
    this.linkId = linkId;
  }

  public String linkId() {
    return linkId;
  }

  private static final Map<String, Item> BY_LINK_ID =
      Arrays.stream(values())
          .collect(Collectors.toUnmodifiableMap(Item::linkId, Function.identity()));

  public static Optional<Item> byLinkId(String linkId) {
    return linkId == null ? Optional.empty() : Optional.ofNullable(BY_LINK_ID.get(linkId));
  }
}
