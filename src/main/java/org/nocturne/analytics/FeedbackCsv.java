package org.nocturne.analytics;

import java.util.List;
import java.util.stream.Collectors;

/** The summary as CSV (RFC 4180), one row per topic, safe to open in a spreadsheet. */
final class FeedbackCsv {
  static final String HEADER =
      "topic_system,topic_code,shown,accepted,overridden,override_rate,top_reasons";

  private FeedbackCsv() {}

  static String render(List<TopicSummary> rows) {
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (TopicSummary row : rows) {
      csv.append(field(row.system()))
          .append(',')
          .append(field(row.code()))
          .append(',')
          .append(row.shown())
          .append(',')
          .append(row.accepted())
          .append(',')
          .append(row.overridden())
          .append(',')
          .append(row.overrideRate() == null ? "" : row.overrideRate())
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
