package org.nocturne.analytics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import org.nocturne.cdshooks.CdsHooksException;

/**
 * The period a report covers, {@code [from, to)}: dates ({@code to} inclusive) or RFC 3339
 * instants; by default the last 30 days.
 */
record ReportWindow(Instant from, Instant to) {
  static final Duration DEFAULT = Duration.ofDays(30);

  /** The chart shows at most this many weeks, the newest. */
  static final int MAX_WEEKS = 60;

  ReportWindow {
    if (!from.isBefore(to)) {
      throw CdsHooksException.badRequest("from must be before to");
    }
  }

  static ReportWindow parse(String from, String to, Clock clock) {
    Instant end = to == null || to.isBlank() ? clock.instant() : instant(to, true);
    Instant start = from == null || from.isBlank() ? end.minus(DEFAULT) : instant(from, false);
    return new ReportWindow(start, end);
  }

  /** The calendar weeks (Monday to Sunday, UTC) the window touches, each cut to the window. */
  List<ReportWindow> weeks() {
    List<ReportWindow> weeks = new ArrayList<>();
    Instant start = from;
    while (start.isBefore(to)) {
      LocalDate nextMonday =
          start
              .atOffset(ZoneOffset.UTC)
              .toLocalDate()
              .with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      Instant end = nextMonday.atStartOfDay().toInstant(ZoneOffset.UTC);
      end = end.isAfter(to) ? to : end;
      weeks.add(new ReportWindow(start, end));
      start = end;
    }
    return weeks.size() > MAX_WEEKS ? weeks.subList(weeks.size() - MAX_WEEKS, weeks.size()) : weeks;
  }

  /** The Monday of the week this window starts in. */
  LocalDate week() {
    return from.atOffset(ZoneOffset.UTC)
        .toLocalDate()
        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
  }

  private static Instant instant(String text, boolean end) {
    try {
      if (text.length() == 10) {
        LocalDate date = LocalDate.parse(text);
        return (end ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
      }
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CdsHooksException.badRequest(
          "from and to must be dates (2026-11-27) or RFC 3339 date-times");
    }
  }
}
