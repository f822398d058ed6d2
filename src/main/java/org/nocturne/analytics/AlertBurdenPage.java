package org.nocturne.analytics;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The alert-burden report as one HTML page for a governance committee: a bar chart per week (inline
 * SVG drawn here, no script, nothing fetched) and the table per topic. Every value is escaped,
 * although all of it is our own codes and counts.
 */
final class AlertBurdenPage {
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
  private static final String SHOWN = "#1f5fa8";
  private static final String SHADOW = "#9aa5b1";
  private static final String SUPPRESSED = "#c2571a";
  private static final int WIDTH = 760;
  private static final int HEIGHT = 260;
  private static final int LEFT = 48;
  private static final int BOTTOM = 40;
  private static final int TOP = 16;

  private AlertBurdenPage() {}

  static String render(AlertBurden burden) {
    StringBuilder html = new StringBuilder(8192);
    String period =
        DAY.format(burden.window().from().atOffset(ZoneOffset.UTC))
            + " to "
            + DAY.format(burden.window().to().minusNanos(1).atOffset(ZoneOffset.UTC));
    long calls = burden.calls().values().stream().mapToLong(Long::longValue).sum();
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Nocturne CDS: alert burden</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#1b1b1b;max-width:72em}")
        .append("table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;")
        .append("padding:.3em .6em;text-align:right}th{background:#f2f4f7}")
        .append("td.t,th.t{text-align:left}.note{color:#555;font-size:.95em}")
        .append("</style></head><body>\n<h1>Alert burden</h1>\n<p>")
        .append(escape(period))
        .append(" (UTC). ")
        .append(calls)
        .append(" calls answered.</p>\n<p class=\"note\"><b>Shown</b>: cards clinicians saw. ")
        .append("<b>Would have been shown</b>: cards kept back in shadow mode or from users ")
        .append("outside the pilot group. <b>Suppressed</b>: cards of a topic that is switched ")
        .append("off. <b>Override rate</b>: overridden among cards with a reported outcome.</p>\n");
    html.append("<form method=\"get\" action=\"\">From <input type=\"date\" name=\"from\"> to ")
        .append("<input type=\"date\" name=\"to\"> <button>Show</button></form>\n");
    html.append("<h2>Cards per week</h2>\n").append(chart(burden.weeks()));
    html.append("\n<h2>Per topic</h2>\n").append(table(burden.topics()));
    html.append("</body></html>\n");
    return html.toString();
  }

  private static String chart(List<AlertBurden.Week> weeks) {
    if (weeks.isEmpty()) {
      return "<p>No weeks in this period.</p>";
    }
    long max = 1;
    for (AlertBurden.Week week : weeks) {
      max = Math.max(max, week.shown() + week.shadow() + week.suppressed());
    }
    int plot = HEIGHT - BOTTOM - TOP;
    double slot = (double) (WIDTH - LEFT - 8) / weeks.size();
    double bar = Math.max(4, slot * 0.6);
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"")
        .append(WIDTH)
        .append("\" height=\"")
        .append(HEIGHT + 24)
        .append("\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT + 24)
        .append("\"><title>Cards per week: shown, would have been shown, suppressed</title>");
    // the axis: zero and the highest week
    svg.append(line(LEFT, TOP + plot, WIDTH - 8, TOP + plot))
        .append(text(LEFT - 6, TOP + plot + 4, "end", "0"))
        .append(text(LEFT - 6, TOP + 10, "end", Long.toString(max)));
    for (int i = 0; i < weeks.size(); i++) {
      AlertBurden.Week week = weeks.get(i);
      double x = LEFT + i * slot + (slot - bar) / 2;
      double y = TOP + plot;
      y = stack(svg, x, y, bar, week.shown(), max, plot, SHOWN, "shown", week);
      y = stack(svg, x, y, bar, week.shadow(), max, plot, SHADOW, "would have been shown", week);
      stack(svg, x, y, bar, week.suppressed(), max, plot, SUPPRESSED, "suppressed", week);
      if (weeks.size() <= 16 || i % Math.ceil(weeks.size() / 16.0) == 0) {
        svg.append(
            text(
                x + bar / 2,
                TOP + plot + 16,
                "middle",
                week.week().format(DateTimeFormatter.ofPattern("d MMM", Locale.UK))));
      }
    }
    int legend = HEIGHT + 8;
    svg.append(legend(LEFT, legend, SHOWN, "shown"))
        .append(legend(LEFT + 120, legend, SHADOW, "would have been shown"))
        .append(legend(LEFT + 330, legend, SUPPRESSED, "suppressed"))
        .append("</svg>\n");
    StringBuilder table = new StringBuilder("<table><tr><th class=\"t\">week of</th>");
    table
        .append("<th>calls</th><th>shown</th><th>would have been shown</th>")
        .append("<th>suppressed</th></tr>");
    for (AlertBurden.Week week : weeks) {
      table
          .append("<tr><td class=\"t\">")
          .append(escape(DAY.format(week.week())))
          .append("</td><td>")
          .append(week.calls())
          .append("</td><td>")
          .append(week.shown())
          .append("</td><td>")
          .append(week.shadow())
          .append("</td><td>")
          .append(week.suppressed())
          .append("</td></tr>");
    }
    return svg.append(table.append("</table>\n")).toString();
  }

  private static double stack(
      StringBuilder svg,
      double x,
      double bottom,
      double width,
      long count,
      long max,
      int plot,
      String colour,
      String label,
      AlertBurden.Week week) {
    if (count == 0) {
      return bottom;
    }
    double height = (double) plot * count / max;
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
            x,
            bottom - height,
            width,
            height,
            colour,
            escape("week of " + DAY.format(week.week()) + ": " + count + " " + label)));
    return bottom - height;
  }

  private static String line(double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\"/>",
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(double x, double y, String anchor, String content) {
    return String.format(
        Locale.ROOT,
        "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"11\">%s</text>",
        x,
        y,
        anchor,
        escape(content));
  }

  private static String legend(int x, int y, String colour, String label) {
    return String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>",
            x,
            y,
            colour)
        + text(x + 16, y + 10, "start", label);
  }

  private static String table(List<TopicSummary> rows) {
    if (rows.isEmpty()) {
      return "<p>No cards in this period.</p>\n";
    }
    StringBuilder html =
        new StringBuilder("<table><tr><th class=\"t\">topic</th><th class=\"t\">service</th>")
            .append("<th class=\"t\">urgency</th><th>calls</th><th>shown</th>")
            .append("<th>would have been shown</th><th>suppressed</th>")
            .append("<th>shown per 1,000 calls</th><th>fired per 1,000 calls</th>")
            .append("<th>accepted</th><th>overridden</th><th>override rate</th>")
            .append("<th class=\"t\">top override reasons</th></tr>\n");
    for (TopicSummary row : rows) {
      html.append("<tr><td class=\"t\">")
          .append(escape(row.code() == null ? "card no longer known" : words(row.code())))
          .append("</td><td class=\"t\">")
          .append(escape(row.service()))
          .append("</td><td class=\"t\">")
          .append(escape(row.indicator() == null ? "" : row.indicator()))
          .append("</td><td>")
          .append(row.calls())
          .append("</td><td>")
          .append(row.shown())
          .append("</td><td>")
          .append(row.shadow())
          .append("</td><td>")
          .append(row.suppressed())
          .append("</td><td>")
          .append(number(row.shownPer1000Calls()))
          .append("</td><td>")
          .append(number(row.firedPer1000Calls()))
          .append("</td><td>")
          .append(row.accepted())
          .append("</td><td>")
          .append(row.overridden())
          .append("</td><td>")
          .append(
              row.overrideRate() == null
                  ? ""
                  : String.format(Locale.ROOT, "%.0f%%", 100 * row.overrideRate()))
          .append("</td><td class=\"t\">")
          .append(
              escape(
                  row.topReasons().stream()
                      .map(reason -> words(reason.code()) + " (" + reason.count() + ")")
                      .collect(Collectors.joining(", "))))
          .append("</td></tr>\n");
    }
    return html.append("</table>\n").toString();
  }

  private static String number(Double value) {
    return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
  }

  /** {@code deepVeinThrombosis} or {@code deep-vein-thrombosis} as "deep vein thrombosis". */
  static String words(String code) {
    return code.replace('-', ' ').replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
