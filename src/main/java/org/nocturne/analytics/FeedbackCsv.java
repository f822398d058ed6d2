package org.nocturne.analytics;

import java.util.List;
import java.util.stream.Collectors;

/** The summary as CSV (RFC 4180), one row per topic, safe to open in a spreadsheet. */
final class FeedbackCsv {
  static final String HEADER =
      "service,topic_system,topic_code,indicator,calls,shown,shadow,suppressed,"
          + "shown_per_1000_calls,fired_per_1000_calls,accepted,overridden,override_rate,"
          + "top_reasons";

  private FeedbackCsv() {}

  static String render(List<TopicSummary> rows) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TopicSummary row : rows) {
      csv.append(field(row.service()))
          .append(',')
          .append(field(row.system()))
          .append(',')
          .append(field(row.code()))
          .append(',')
          .append(field(row.indicator()))
          .append(',')
          .append(row.calls())
          .append(',')
          .append(row.shown())
          .append(',')
          .append(row.shadow())
          .append(',')
          .append(row.suppressed())
          .append(',')
          .append(number(row.shownPer1000Calls()))
          .append(',')
          .append(number(row.firedPer1000Calls()))
          .append(',')
          .append(row.accepted())
          .append(',')
          .append(row.overridden())
          .append(',')
          .append(number(row.overrideRate()))
          .append(',')
          .append(
              field(
                  row.topReasons().stream()
                      .map(reason -> reason.code() + ":" + reason.count())
                      .collect(Collectors.joining(";"))))
          .append("\r\n");
    }
    return csv.toString();
  }

  private static String number(Double value) {
    return value == null ? "" : value.toString();
  }

  /** Quotes when needed; a leading formula character is neutralised (CSV injection). */
  static String field(String value) {
    if (value == null) {
      return "";
    }
    String text = value;
    if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
      text = "'" + text;
    }
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      text = "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
