package org.nocturne;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.nocturne.cdshooks.CdsJson;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboard in {@code deploy/grafana} queries only what the service exports: every
 * metric its PromQL names, with every fixed label value it filters on, appears in a real {@code
 * /actuator/prometheus} scrape after calls that exercise each panel. A renamed metric or tag fails.
 */
@LocalAppTest
class MonitoringDashboardTest {
  private static final Path DASHBOARD = Path.of("deploy/grafana/nocturne-cds.json");

  /** A metric name followed by a selector or a range, or the first argument of label_values. */
  private static final Pattern METRIC =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\}|\\[)|label_values\\((\\w+)");

  private static final Pattern EXACT_LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

  /** Added by Prometheus when it scrapes, not by the service. */
  private static final Set<String> TARGET_LABELS = Set.of("job", "instance");

  @LocalServerPort int port;

  private record Selector(String metric, String labels) {}

  private static List<Selector> selectors() throws IOException {
    List<Selector> selectors = new ArrayList<>();
    List<String> queries = new ArrayList<>();
    JsonNode dashboard = CdsJson.mapper().readTree(Files.readString(DASHBOARD));
    dashboard.findValues("expr").forEach(expr -> queries.add(expr.asString()));
    dashboard.findValues("query").stream()
        .filter(JsonNode::isString)
        .forEach(query -> queries.add(query.asString()));
    for (String query : queries) {
      Matcher m = METRIC.matcher(query);
      while (m.find()) {
        if (m.group(4) != null) {
          selectors.add(new Selector(m.group(4), ""));
        } else if (!m.group(1).equals("rate") && !m.group(1).equals("sum")) {
          selectors.add(new Selector(m.group(1), m.group(3) == null ? "" : m.group(3)));
        }
      }
    }
    return selectors;
  }

  @Test
  void everyDashboardQueryNamesAMetricAndLabelsTheServiceExports() throws IOException {
    LocalServer server = new LocalServer(port);
    server.postJson(
        "/cds-services/nocturnal-leg-pain",
        LocalServer.read(Path.of("hooks/nocturnal-leg-pain/cause-sciatica.request.json")));
    server.postJson(
        "/cds-services/nocturnal-leg-pain/feedback",
        """
        {"feedback":[{"card":"9368d37b-283f-44a0-93ea-547cebab93ed","outcome":"overridden",
          "outcomeTimestamp":"2026-11-26T10:05:31Z"}]}""");
    String scrape = server.get("/actuator/prometheus").body();
    // one timer per CDS call, ours: Spring's generic request timer is off (issue 30)
    assertThat(scrape)
        .contains("nocturne_cds_invocations_seconds")
        .doesNotContain("http_server_requests");
    List<Selector> selectors = selectors();

    Set<String> metrics = new TreeSet<>();
    selectors.forEach(selector -> metrics.add(selector.metric()));
    assertThat(metrics)
        .as("the panels: calls, latency, outcomes, fallback, cache, cards, feedback, heap")
        .contains(
            "nocturne_cds_invocations_seconds_count",
            "nocturne_cds_invocations_seconds_bucket",
            "nocturne_prefetch_keys_total",
            "cache_gets_total",
            "nocturne_cds_cards_total",
            "nocturne_cds_feedback_total",
            "nocturne_state_failures_total",
            "nocturne_jwks_fetch_failures_total",
            "jvm_memory_max_bytes");
    for (Selector selector : selectors) {
      List<String> lines =
          scrape
              .lines()
              .filter(
                  line ->
                      line.startsWith(selector.metric() + "{")
                          || line.startsWith(selector.metric() + " ")) // a series without labels
              .toList();
      assertThat(lines).as("%s in the scrape", selector.metric()).isNotEmpty();
      Matcher label = EXACT_LABEL.matcher(selector.labels());
      while (label.find()) {
        if (TARGET_LABELS.contains(label.group(1))) {
          continue;
        }
        String pair = label.group(1) + "=\"" + label.group(2) + "\"";
        assertThat(lines).as("%s with %s", selector.metric(), pair).anyMatch(l -> l.contains(pair));
      }
    }
  }
}
