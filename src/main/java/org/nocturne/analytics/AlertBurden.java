package org.nocturne.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nocturne.cdshooks.FeedbackStore;
import org.nocturne.cdshooks.FeedbackStore.TopicTally;

/**
 * The alert-burden report of a window: per topic and indicator (the table), calls per service, and
 * per calendar week the cards shown, kept back and withheld (the chart).
 *
 * @param calls hook calls answered in the window, per service
 */
record AlertBurden(
    ReportWindow window, Map<String, Long> calls, List<TopicSummary> topics, List<Week> weeks) {

  /** One week of the chart, all topics together. */
  record Week(LocalDate week, long calls, long shown, long shadow, long suppressed) {}

  AlertBurden {
    calls = Map.copyOf(calls);
    topics = List.copyOf(topics);
    weeks = List.copyOf(weeks);
  }

  static AlertBurden read(FeedbackStore store, ReportWindow window, boolean withWeeks) {
    List<TopicSummary> topics =
        store.tally(window.from(), window.to()).stream().map(TopicSummary::of).toList();
    List<Week> weeks = new ArrayList<>();
    if (withWeeks) {
      for (ReportWindow week : window.weeks()) {
        long shown = 0;
        long shadow = 0;
        long suppressed = 0;
        for (TopicTally tally : store.tally(week.from(), week.to())) {
          shown += tally.shown();
          shadow += tally.shadow();
          suppressed += tally.suppressed();
        }
        long calls =
            store.calls(week.from(), week.to()).values().stream().mapToLong(Long::longValue).sum();
        weeks.add(new Week(week.week(), calls, shown, shadow, suppressed));
      }
    }
    return new AlertBurden(window, store.calls(window.from(), window.to()), topics, weeks);
  }
}
